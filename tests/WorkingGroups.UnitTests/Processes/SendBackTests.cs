using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.UnitTests.Processes;

/// <summary>
/// A done step sent back for another round (a ministry returns the draft with comments): it runs again from the date it
/// came back, its time counts every round, and the steps after it wait again unless something is recorded in them.
/// </summary>
public sealed class SendBackTests
{
    private static readonly ProcessDefinition Definition = EngineDefinition.Definition;

    private static DateOnly D(string iso) => Walk.D(iso);

    /// <summary>letter done on 2026-03-10, draft on 2026-03-12 (10 days): invite and publish open since 2026-03-12.</summary>
    private static Walk Drafted() => Walk.Start(Definition, "2026-03-02").Done("letter", "2026-03-10").Done("draft", "2026-03-12");

    private static void SendBack(Process process, string stepId, string sentBackOn, string reason = "Comments on the draft", string? today = null) =>
        process.SendBack(Definition, stepId, new SendBackStep(D(sentBackOn), reason), D(today ?? sentBackOn));

    private static DomainRuleException Refused(Action command) => Assert.Throws<DomainRuleException>(command);

    [Fact]
    public void A_done_step_runs_again_from_the_date_it_was_sent_back_and_keeps_its_earlier_round()
    {
        var process = Drafted().Process;

        SendBack(process, "draft", "2026-03-16", "  The ministry asks to name both chairs ");

        var draft = process.Step("draft")!;
        Assert.Equal((StepStatus.Active, D("2026-03-16"), (DateOnly?)null), (draft.Status, draft.ActivatedOn, draft.CompletedOn));
        Assert.Equal([new StepRound(D("2026-03-02"), D("2026-03-12"), D("2026-03-16"), "The ministry asks to name both chairs")], draft.Rounds);
        Assert.Equal(ProcessStatus.Active, process.Status);
    }

    [Fact]
    public void Elapsed_days_count_every_round_but_not_the_days_between_them()
    {
        var walk = Drafted().SentBack("draft", "2026-03-16"); // round 1: 2 to 12 March, 10 days
        var draft = walk.Process.Step("draft")!;
        Assert.Equal(12, draft.ElapsedDays(D("2026-03-18")));  // and 2 days of round 2 so far

        walk.Done("draft", "2026-03-21");                      // round 2: 5 days
        Assert.Equal(15, draft.ElapsedDays(D("2026-06-01")));
        Assert.Equal(BenchmarkState.Overdue, draft.State(D("2026-06-01"))); // 15 of 10, though each round took less

        walk.SentBack("draft", "2026-03-23", "Second comments").Done("draft", "2026-03-24"); // round 3: 1 day
        Assert.Equal(16, draft.ElapsedDays(D("2026-06-01")));
        Assert.Equal(
            [(D("2026-03-02"), D("2026-03-12"), D("2026-03-16"), "Comments on the draft", 10), (D("2026-03-16"), D("2026-03-21"), D("2026-03-23"), "Second comments", 5)],
            draft.Rounds.Select(r => (r.ActivatedOn, r.CompletedOn, r.SentBackOn, r.Reason, r.Days)));
    }

    [Fact]
    public void Steps_opened_after_it_with_nothing_recorded_wait_again_and_reopen_on_its_new_completion()
    {
        var process = Drafted().Process;
        Assert.Equal(2, process.Step("invite")!.Invitations.Count);

        SendBack(process, "draft", "2026-03-14");

        foreach (var stepId in new[] { "invite", "publish" })
        {
            var step = process.Step(stepId)!;
            Assert.Equal((StepStatus.Blocked, (DateOnly?)null, (int?)null), (step.Status, step.ActivatedOn, step.ElapsedDays(D("2026-03-20"))));
        }
        Assert.Empty(process.Step("invite")!.Invitations); // letters not sent yet: no pending invitations to chase
        Assert.Equal((StepStatus.Done, D("2026-03-10")), (process.Step("letter")!.Status, process.Step("letter")!.CompletedOn)); // not after draft
        Assert.Equal("Step \"invite\" is not active yet: it waits for \"draft\".",
            Refused(() => process.Complete(Definition, "invite", new CompleteStep(D("2026-03-15"), null, null), D("2026-03-15"))).Detail);

        var again = process.Complete(Definition, "draft", new CompleteStep(D("2026-03-20"), null, null), D("2026-03-20"));

        Assert.Equal(["invite", "publish"], again.Opened);
        Assert.Equal((D("2026-03-20"), D("2026-03-20")), (process.Step("invite")!.ActivatedOn, process.Step("publish")!.ActivatedOn));
        Assert.Equal(
            new (string, InvitationStatus, DateOnly)[] { ("water", InvitationStatus.Pending, D("2026-03-20")), ("energy", InvitationStatus.Pending, D("2026-03-20")) },
            process.Step("invite")!.Invitations.Select(i => (i.BodyId, i.Status, i.SentOn)));
    }

    [Theory]
    [InlineData("note", "invite")]
    [InlineData("evidence", "invite")]
    [InlineData("answer", "invite")]
    [InlineData("completion", "publish")]
    public void A_later_step_with_progress_recorded_refuses_it_naming_that_step(string progress, string later)
    {
        var walk = Drafted();
        var process = walk.Process;
        var today = D("2026-03-20");
        switch (progress)
        {
            case "note":
                process.Correct(Definition, "invite", new CorrectStep(null, "Letters signed, not yet sent", null), today);
                break;
            case "evidence":
                process.Correct(Definition, "invite", new CorrectStep(null, null, [new Evidence("Invitation letter", "21-1-13/4102", D("2026-03-13"))]), today);
                break;
            case "answer":
                walk.Declined("invite", "energy", "2026-03-18");
                break;
            case "completion":
                walk.Done("publish", "2026-03-18");
                break;
        }
        var version = process.Version;

        var error = Refused(() => SendBack(process, "draft", "2026-03-19", today: "2026-03-20"));

        Assert.Equal((RuleKind.Conflict, "send-back-later-progress"), (error.Kind, error.Code));
        Assert.Equal(new StepRef(later), error.Args[1]);
        Assert.Equal($"Step \"draft\" cannot be sent back: step \"{later}\", which follows it, has progress recorded; correct or send back that one first.", error.Detail);
        var draft = process.Step("draft")!;
        Assert.Equal((StepStatus.Done, D("2026-03-12"), 0, version), (draft.Status, draft.CompletedOn, draft.Rounds.Count, process.Version));
        Assert.Equal(StepStatus.Active, process.Step("invite")!.Status);
        Assert.Equal(2, process.Step("invite")!.Invitations.Count);
        Assert.NotEqual(StepStatus.Blocked, process.Step("publish")!.Status);
    }

    [Fact]
    public void Progress_on_a_branch_that_does_not_follow_it_does_not_stop_it()
    {
        var process = Drafted().Done("publish", "2026-03-18").Process; // publish follows draft only

        SendBack(process, "letter", "2026-03-19");

        Assert.Equal(StepStatus.Active, process.Step("letter")!.Status);
        Assert.Equal(StepStatus.Blocked, process.Step("invite")!.Status);
        Assert.Equal((StepStatus.Done, D("2026-03-18")), (process.Step("publish")!.Status, process.Step("publish")!.CompletedOn));
    }

    [Theory]
    [InlineData("draft", "active")]   // opened, not done
    [InlineData("approve", "blocked")]
    public void Only_a_done_step_can_be_sent_back(string stepId, string status)
    {
        var process = Walk.Start(Definition, "2026-03-02").Process;

        var error = Refused(() => SendBack(process, stepId, "2026-03-05"));

        Assert.Equal((RuleKind.Conflict, "send-back-not-done"), (error.Kind, error.Code));
        Assert.Equal($"Step \"{stepId}\" is {status}; only a completed step can be sent back for revision.", error.Detail);
        Assert.Empty(process.Step(stepId)!.Rounds);
    }

    [Theory]
    [InlineData("2026-03-11", "date-before-step-completed")] // draft was done on 2026-03-12
    [InlineData("2026-03-21", "date-in-future")]             // today is 2026-03-20
    public void A_date_before_the_completion_or_in_the_future_is_refused(string sentBackOn, string code)
    {
        var process = Drafted().Process;

        var error = Refused(() => SendBack(process, "draft", sentBackOn, today: "2026-03-20"));

        Assert.Equal((RuleKind.Invalid, "sentBackOn", code), (error.Kind, error.Field, error.Code));
        Assert.Equal((StepStatus.Done, 0), (process.Step("draft")!.Status, process.Step("draft")!.Rounds.Count));
    }

    [Fact]
    public void A_step_may_come_back_on_the_day_it_was_done()
    {
        var process = Drafted().Process;
        SendBack(process, "draft", "2026-03-12");
        Assert.Equal((StepStatus.Active, D("2026-03-12"), 10), (process.Step("draft")!.Status, process.Step("draft")!.ActivatedOn, process.Step("draft")!.ElapsedDays(D("2026-03-12"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reason_is_required(string reason)
    {
        var process = Drafted().Process;

        var error = Refused(() => SendBack(process, "draft", "2026-03-14", reason));

        Assert.Equal((RuleKind.Invalid, "reason", "required"), (error.Kind, error.Field, error.Code));
        Assert.Equal(StepStatus.Done, process.Step("draft")!.Status);
    }

    [Fact]
    public void An_established_or_cancelled_process_refuses_it()
    {
        var established = Drafted().Accepted("invite", "water", "2026-03-20").Accepted("invite", "energy", "2026-03-21")
            .Done("publish", "2026-03-22").Done("approve", "2026-04-01").Process;
        Assert.Equal(ProcessStatus.Established, established.Status);
        var late = Refused(() => SendBack(established, "approve", "2026-04-02"));
        Assert.Equal((RuleKind.Conflict, "process-not-active"), (late.Kind, late.Code));
        Assert.Equal("The process is established; its steps can no longer change.", late.Detail);
        Assert.Equal(StepStatus.Done, established.Step("approve")!.Status);

        var cancelled = Drafted().Process;
        cancelled.Cancel(new CancelProcess(D("2026-03-13"), "Withdrawn"), D("2026-03-13"));
        Assert.Equal("process-not-active", Refused(() => SendBack(cancelled, "draft", "2026-03-14")).Code);
        Assert.Equal(StepStatus.Done, cancelled.Step("draft")!.Status);
    }
}
