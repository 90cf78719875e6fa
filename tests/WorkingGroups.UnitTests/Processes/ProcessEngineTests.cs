using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.UnitTests.Processes;

/// <summary>
/// The engine as a coordinator sees it: which steps open and on which date, what an invitations step records, when the
/// process is established, and which requests it refuses (leaving the process as it was).
/// </summary>
public sealed class ProcessEngineTests
{
    private static readonly ProcessDefinition Definition = EngineDefinition.Definition;

    private static DateOnly D(string iso) => Walk.D(iso);

    private static Walk Started() => Walk.Start(Definition, "2026-03-02");

    /// <summary>draft done on 2026-03-20, letter on 2026-03-10: invite open since 2026-03-20, its letters out to water and energy.</summary>
    private static Walk Inviting() => Started().Done("draft", "2026-03-20").Done("letter", "2026-03-10");

    private static CompleteStep On(string completedOn, string? note = null) => new(D(completedOn), note, null);

    private static AnswerInvitation Accept(string respondedOn) =>
        new(InvitationResponse.Accepted, D(respondedOn), new Nominee("A. Karimova", "Head of division", "a.karimova@example.org"), null);

    private static AnswerInvitation Decline(string respondedOn, string? reason = null) => new(InvitationResponse.Declined, D(respondedOn), null, reason);

    private static DomainRuleException Refused(Action command) => Assert.Throws<DomainRuleException>(command);

    [Fact]
    public void Start_opens_the_steps_that_wait_for_nothing_on_the_start_date_and_leaves_the_others_waiting()
    {
        var process = Started().Process;
        Assert.Equal(ProcessStatus.Active, process.Status);
        Assert.Equal(
            new (string, StepStatus, DateOnly?)[]
            {
                ("draft", StepStatus.Active, D("2026-03-02")), ("letter", StepStatus.Active, D("2026-03-02")),
                ("invite", StepStatus.Blocked, null), ("approve", StepStatus.Blocked, null), ("publish", StepStatus.Blocked, null),
            },
            process.Steps.Select(s => (s.StepId, s.Status, s.ActivatedOn)));
        Assert.All(process.Steps, s => Assert.Empty(s.Invitations));
        Assert.Equal([10, 10, 20, 30, 10], process.Steps.Select(s => s.BenchmarkDays));
        Assert.Equal((90, "XX", "Test group"), (process.BenchmarkDays, process.Country, process.Title)); // no title given: the definition's
    }

    [Fact]
    public void Start_keeps_a_given_title_trimmed_and_refuses_a_date_in_the_future_or_before_2000()
    {
        var process = Process.Start(Definition, D("2026-03-02"), "  Kazakhstan WG ", "coordinator", DateTime.UtcNow, D("2026-03-02"));
        Assert.Equal(("Kazakhstan WG", "coordinator"), (process.Title, process.CreatedBy));

        var future = Refused(() => Process.Start(Definition, D("2026-03-03"), null, "coordinator", DateTime.UtcNow, D("2026-03-02")));
        Assert.Equal((RuleKind.Invalid, "startedOn", "start-in-future"), (future.Kind, future.Field, future.Code));
        var early = Refused(() => Process.Start(Definition, D("1999-12-31"), null, "coordinator", DateTime.UtcNow, D("2026-03-02")));
        Assert.Equal((RuleKind.Invalid, "startedOn", "start-too-early"), (early.Kind, early.Field, early.Code));
        Assert.Equal(D("2000-01-01"), Process.Start(Definition, D("2000-01-01"), null, "coordinator", DateTime.UtcNow, D("2026-03-02")).StartedOn);
    }

    [Fact]
    public void A_join_opens_only_when_all_its_prerequisites_are_done_on_the_latest_of_their_completions()
    {
        var process = Started().Process;

        var first = process.Complete(Definition, "draft", On("2026-03-20"), D("2026-03-20"));
        Assert.Equal(["publish"], first.Opened); // publish waits only for draft; invite also waits for letter
        Assert.Equal(StepStatus.Blocked, process.Step("invite")!.Status);
        Assert.Equal(D("2026-03-20"), process.Step("publish")!.ActivatedOn);

        // The letter's date is earlier, though it is recorded later: the join opens on the draft's.
        var second = process.Complete(Definition, "letter", On("2026-03-10"), D("2026-03-25"));
        Assert.Equal(["invite"], second.Opened);
        Assert.False(second.Established);
        var invite = process.Step("invite")!;
        Assert.Equal((StepStatus.Active, D("2026-03-20")), (invite.Status, invite.ActivatedOn));
        Assert.Equal(StepStatus.Blocked, process.Step("approve")!.Status);
    }

    [Fact]
    public void An_invitations_step_opens_with_one_pending_invitation_per_invitee_sent_on_its_activation_date()
    {
        var invite = Inviting().Process.Step("invite")!;
        Assert.Equal(
            new (string, InvitationStatus, DateOnly, DateOnly?)[]
            {
                ("water", InvitationStatus.Pending, D("2026-03-20"), null), ("energy", InvitationStatus.Pending, D("2026-03-20"), null),
            },
            invite.Invitations.Select(i => (i.BodyId, i.Status, i.SentOn, i.RespondedOn)));
    }

    [Fact]
    public void The_last_answer_completes_the_invitations_step_on_the_latest_answer_date_and_opens_the_next()
    {
        var process = Inviting().Process;
        var invite = process.Step("invite")!;

        var first = process.Answer(Definition, "invite", "energy", Accept("2026-04-10"), D("2026-04-10"));
        Assert.Empty(first.Opened);
        Assert.Equal((StepStatus.Active, (DateOnly?)null), (invite.Status, invite.CompletedOn)); // water has not answered

        // Water's answer is dated earlier but arrives last: the step is done on the latest answer's date.
        var last = process.Answer(Definition, "invite", "water", Decline("2026-04-03", "Tailings are outside our remit"), D("2026-04-12"));
        Assert.Equal(["approve"], last.Opened);
        Assert.Equal((StepStatus.Done, D("2026-04-10")), (invite.Status, invite.CompletedOn));
        Assert.Equal((StepStatus.Active, D("2026-04-10")), (process.Step("approve")!.Status, process.Step("approve")!.ActivatedOn));

        var water = invite.Invitations.Single(i => i.BodyId == "water");
        var energy = invite.Invitations.Single(i => i.BodyId == "energy");
        Assert.Equal((InvitationStatus.Declined, D("2026-04-03"), null, "Tailings are outside our remit"), (water.Status, water.RespondedOn, water.Nominee, water.Reason));
        Assert.Equal((InvitationStatus.Accepted, D("2026-04-10")), (energy.Status, energy.RespondedOn));
        Assert.Equal(new Nominee("A. Karimova", "Head of division", "a.karimova@example.org"), energy.Nominee);
    }

    [Fact]
    public void Completing_an_invitations_step_records_the_missing_answers_as_no_response()
    {
        var process = Inviting().Accepted("invite", "water", "2026-04-03").Process;

        var advance = process.Complete(Definition, "invite", On("2026-04-15", "Energy never answered; the chairs agreed to go on"), D("2026-04-15"));

        Assert.Equal(["approve"], advance.Opened);
        var invite = process.Step("invite")!;
        Assert.Equal((StepStatus.Done, D("2026-04-15"), "Energy never answered; the chairs agreed to go on"), (invite.Status, invite.CompletedOn, invite.Note));
        Assert.Equal(
            new (string, InvitationStatus, DateOnly?)[] { ("water", InvitationStatus.Accepted, D("2026-04-03")), ("energy", InvitationStatus.NoResponse, null) },
            invite.Invitations.Select(i => (i.BodyId, i.Status, i.RespondedOn)));
        Assert.Equal(D("2026-04-15"), process.Step("approve")!.ActivatedOn);
    }

    [Fact]
    public void The_last_step_done_establishes_the_process_on_the_latest_completion_date()
    {
        var process = Inviting().Accepted("invite", "water", "2026-04-03").Accepted("invite", "energy", "2026-04-06").Process;

        var approved = process.Complete(Definition, "approve", On("2026-05-04"), D("2026-05-04"));
        Assert.False(approved.Established); // publish still runs
        Assert.Equal((ProcessStatus.Active, (DateOnly?)null), (process.Status, process.EstablishedOn));

        // Published earlier than approved, recorded after: the process is established on the approval's date.
        var published = process.Complete(Definition, "publish", On("2026-04-28"), D("2026-05-06"));
        Assert.True(published.Established);
        Assert.Empty(published.Opened);
        Assert.Equal((ProcessStatus.Established, D("2026-05-04")), (process.Status, process.EstablishedOn));
        Assert.Equal(63, process.ElapsedDays(D("2027-01-01")));
    }

    [Fact]
    public void A_blocked_step_is_refused_naming_the_steps_it_still_waits_for()
    {
        var process = Started().Process;
        var nothingDone = Refused(() => process.Complete(Definition, "invite", On("2026-03-10"), D("2026-03-10")));
        Assert.Equal((RuleKind.Conflict, "step-blocked"), (nothingDone.Kind, nothingDone.Code));
        Assert.Equal("Step \"invite\" is not active yet: it waits for \"draft\", \"letter\".", nothingDone.Detail);

        process.Complete(Definition, "draft", On("2026-03-10"), D("2026-03-10"));
        var version = process.Version;
        Assert.Equal("Step \"invite\" is not active yet: it waits for \"letter\".",
            Refused(() => process.Complete(Definition, "invite", On("2026-03-12"), D("2026-03-12"))).Detail);
        Assert.Equal("Step \"invite\" is not active yet: it waits for \"letter\".",
            Refused(() => process.Answer(Definition, "invite", "water", Accept("2026-03-12"), D("2026-03-12"))).Detail);
        Assert.Equal("Step \"approve\" is not active yet: it waits for \"invite\".", // its own prerequisite, not the ones before
            Refused(() => process.Complete(Definition, "approve", On("2026-03-12"), D("2026-03-12"))).Detail);
        Assert.Equal(version, process.Version);
        Assert.Equal(StepStatus.Blocked, process.Step("invite")!.Status);
    }

    [Theory]
    [InlineData("2026-03-21", "date-in-future")]             // today is 2026-03-20
    [InlineData("2026-03-01", "date-before-step-activated")] // draft opened with the process on 2026-03-02
    public void A_completion_date_in_the_future_or_before_the_step_opened_is_refused(string completedOn, string code)
    {
        var process = Started().Process;
        var version = process.Version;
        var error = Refused(() => process.Complete(Definition, "draft", On(completedOn), D("2026-03-20")));
        Assert.Equal((RuleKind.Invalid, "completedOn", code), (error.Kind, error.Field, error.Code));
        Assert.Equal((StepStatus.Active, version), (process.Step("draft")!.Status, process.Version));
    }

    [Fact]
    public void A_step_may_be_completed_on_the_day_it_opened_or_today()
    {
        var process = Started().Process;
        process.Complete(Definition, "draft", On("2026-03-02"), D("2026-03-20"));
        process.Complete(Definition, "letter", On("2026-03-20"), D("2026-03-20"));
        Assert.Equal([D("2026-03-02"), D("2026-03-20")], new[] { "draft", "letter" }.Select(id => process.Step(id)!.CompletedOn));
    }

    [Fact]
    public void A_done_step_an_unknown_step_and_the_wrong_answers_are_refused()
    {
        var process = Inviting().Accepted("invite", "water", "2026-03-25").Process;
        var today = D("2026-03-30");
        Assert.Equal("Step \"draft\" was already completed on 2026-03-20.",
            Refused(() => process.Complete(Definition, "draft", On("2026-03-22"), today)).Detail);
        var unknown = Refused(() => process.Complete(Definition, "sign", On("2026-03-22"), today));
        Assert.Equal((RuleKind.NotFound, "step-not-found"), (unknown.Kind, unknown.Code));

        Assert.Equal("not-an-invitations-step", Refused(() => process.Answer(Definition, "publish", "water", Accept("2026-03-25"), today)).Code);
        Assert.Equal("not-invited", Refused(() => process.Answer(Definition, "invite", "lead", Accept("2026-03-25"), today)).Code);
        Assert.Equal("already-answered", Refused(() => process.Answer(Definition, "invite", "water", Decline("2026-03-26"), today)).Code);
        var beforeSent = Refused(() => process.Answer(Definition, "invite", "energy", Accept("2026-03-19"), today));
        Assert.Equal(("respondedOn", "date-before-invitation-sent"), (beforeSent.Field, beforeSent.Code));
        var future = Refused(() => process.Answer(Definition, "invite", "energy", Accept("2026-03-31"), today));
        Assert.Equal(("respondedOn", "date-in-future"), (future.Field, future.Code));
        var noNominee = Refused(() => process.Answer(Definition, "invite", "energy", new AnswerInvitation(InvitationResponse.Accepted, D("2026-03-25"), null, null), today));
        Assert.Equal(("nominee", "nominee-required"), (noNominee.Field, noNominee.Code));

        Assert.Equal(InvitationStatus.Pending, process.Step("invite")!.Invitations.Single(i => i.BodyId == "energy").Status);
        Assert.Equal(StepStatus.Active, process.Step("invite")!.Status);
    }

    [Fact]
    public void A_cancelled_process_stops_on_its_date_and_refuses_every_change()
    {
        var process = Inviting().Process;
        var today = D("2026-04-01");
        var early = Refused(() => process.Cancel(new CancelProcess(D("2026-03-01"), "Stopped"), today));
        Assert.Equal(("cancelledOn", "date-before-process-start"), (early.Field, early.Code));
        var noReason = Refused(() => process.Cancel(new CancelProcess(D("2026-03-25"), " "), today));
        Assert.Equal(("reason", "required"), (noReason.Field, noReason.Code));
        Assert.Equal(ProcessStatus.Active, process.Status);

        process.Cancel(new CancelProcess(D("2026-03-25"), "  The ministry withdrew the order "), today);
        Assert.Equal((ProcessStatus.Cancelled, D("2026-03-25"), "The ministry withdrew the order"), (process.Status, process.CancelledOn, process.CancelReason));

        var complete = Refused(() => process.Complete(Definition, "publish", On("2026-03-30"), today));
        Assert.Equal((RuleKind.Conflict, "process-not-active"), (complete.Kind, complete.Code));
        Assert.Equal("The process is cancelled; its steps can no longer change.", complete.Detail);
        Assert.Equal("process-not-active", Refused(() => process.Answer(Definition, "invite", "water", Accept("2026-03-30"), today)).Code);
        Assert.Equal("process-not-active", Refused(() => process.SendBack(Definition, "draft", new SendBackStep(D("2026-03-30"), "Comments"), today)).Code);
        Assert.Equal("record-closed", Refused(() => process.Correct(Definition, "draft", new CorrectStep(null, "A note", null), today)).Code);
        Assert.Equal("cancel-not-active", Refused(() => process.Cancel(new CancelProcess(D("2026-03-30"), "Again"), today)).Code);
        Assert.Equal((StepStatus.Active, (string?)null), (process.Step("publish")!.Status, process.Step("draft")!.Note));
    }

    [Fact]
    public void Correcting_a_completion_date_moves_the_opening_of_the_steps_after_it()
    {
        var process = Inviting().Process;
        var today = D("2026-03-25");

        process.Correct(Definition, "draft", new CorrectStep(D("2026-03-15"), null, null), today);
        Assert.Equal(D("2026-03-15"), process.Step("draft")!.CompletedOn);
        Assert.Equal((D("2026-03-15"), D("2026-03-15")), (process.Step("invite")!.ActivatedOn, process.Step("publish")!.ActivatedOn));

        // Earlier than the letter now: invite opened with the letter, publish still with the draft.
        process.Correct(Definition, "draft", new CorrectStep(D("2026-03-05"), null, null), today);
        Assert.Equal((D("2026-03-10"), D("2026-03-05")), (process.Step("invite")!.ActivatedOn, process.Step("publish")!.ActivatedOn));
        Assert.Equal(StepStatus.Active, process.Step("invite")!.Status);
        Assert.Equal(15, process.Step("publish")!.ElapsedDays(D("2026-03-20")));
    }

    [Fact]
    public void Correcting_the_last_completion_moves_the_establishment_to_the_latest_completion()
    {
        var process = Inviting().Accepted("invite", "water", "2026-04-03").Accepted("invite", "energy", "2026-04-06")
            .Done("publish", "2026-04-28").Done("approve", "2026-05-04").Process;
        Assert.Equal(D("2026-05-04"), process.EstablishedOn);

        process.Correct(Definition, "approve", new CorrectStep(D("2026-05-02"), null, null), D("2026-05-10"));
        Assert.Equal(D("2026-05-02"), process.EstablishedOn);
        process.Correct(Definition, "approve", new CorrectStep(D("2026-04-20"), null, null), D("2026-05-10"));
        Assert.Equal(D("2026-04-28"), process.EstablishedOn); // publish is now the last
        Assert.Equal(ProcessStatus.Established, process.Status);
    }

    [Fact]
    public void A_correction_is_refused_for_a_step_not_started_a_date_of_a_step_not_done_and_a_date_that_breaks_the_order()
    {
        var process = Inviting().Done("publish", "2026-03-22").Process;
        var today = D("2026-03-25");

        Assert.Equal("nothing-to-correct", Refused(() => process.Correct(Definition, "approve", new CorrectStep(null, "A note", null), today)).Code);
        var notDone = Refused(() => process.Correct(Definition, "invite", new CorrectStep(D("2026-03-21"), null, null), today));
        Assert.Equal(("completedOn", "correct-not-completed"), (notDone.Field, notDone.Code));
        var beforeOpened = Refused(() => process.Correct(Definition, "draft", new CorrectStep(D("2026-03-01"), null, null), today));
        Assert.Equal(("completedOn", "date-before-step-activated"), (beforeOpened.Field, beforeOpened.Code));
        // publish, done on 2026-03-22, would have opened after it was done
        var order = Refused(() => process.Correct(Definition, "draft", new CorrectStep(D("2026-03-23"), null, null), today));
        Assert.Equal(("completedOn", "correction-breaks-order"), (order.Field, order.Code));
        Assert.Equal(new StepRef("publish"), order.Args[0]);
        // The refused correction changed nothing: the draft's date and the steps after it are as they were.
        Assert.Equal((D("2026-03-20"), D("2026-03-20"), D("2026-03-20")), (process.Step("draft")!.CompletedOn, process.Step("invite")!.ActivatedOn, process.Step("publish")!.ActivatedOn));

        // A note on an open step is a correction too.
        process.Correct(Definition, "invite", new CorrectStep(null, "Letters signed on 20 March", null), today);
        Assert.Equal("Letters signed on 20 March", process.Step("invite")!.Note);
    }

    [Fact]
    public void Every_command_changes_the_version_so_that_of_two_racing_commands_only_one_is_saved()
    {
        var process = Started().Process;
        var seen = new HashSet<Guid> { process.Version };
        void Changed(Action command)
        {
            command();
            Assert.True(seen.Add(process.Version));
        }

        Changed(() => process.Complete(Definition, "draft", On("2026-03-10"), D("2026-03-10")));
        Changed(() => process.Correct(Definition, "draft", new CorrectStep(null, "Signed by the deputy", null), D("2026-03-11")));
        Changed(() => process.SendBack(Definition, "draft", new SendBackStep(D("2026-03-12"), "Comments"), D("2026-03-12")));
        Changed(() => process.Complete(Definition, "draft", On("2026-03-14"), D("2026-03-14")));
        Changed(() => process.Complete(Definition, "letter", On("2026-03-15"), D("2026-03-15")));
        // One answer of two opens nothing; it still changes the process and the step, so two last answers cannot both save.
        var invite = process.Step("invite")!;
        var stepVersion = invite.Version;
        Changed(() => process.Answer(Definition, "invite", "water", Accept("2026-03-16"), D("2026-03-16")));
        Assert.NotEqual(stepVersion, invite.Version);
        Changed(() => process.Complete(Definition, "publish", On("2026-03-16"), D("2026-03-16"))); // opens nothing
        Changed(() => process.Cancel(new CancelProcess(D("2026-03-17"), "Withdrawn"), D("2026-03-17")));
    }

    [Fact]
    public void Advance_on_a_process_that_has_caught_up_opens_nothing_and_leaves_it_as_it_is()
    {
        var process = Inviting().Process;
        var before = (process.Version, Steps: process.Steps.Select(s => (s.StepId, s.Status, s.ActivatedOn, s.Version)).ToList());

        var advance = process.Advance(Definition);

        Assert.Empty(advance.Opened);
        Assert.False(advance.Established);
        Assert.Equal(before.Version, process.Version); // nothing to save, so nothing to conflict with a coordinator's command
        Assert.Equal(before.Steps, process.Steps.Select(s => (s.StepId, s.Status, s.ActivatedOn, s.Version)));
    }

    [Fact]
    public void Advance_on_an_established_process_neither_opens_nor_establishes_it_again()
    {
        var process = Inviting().Accepted("invite", "water", "2026-04-03").Accepted("invite", "energy", "2026-04-06")
            .Done("publish", "2026-04-28").Done("approve", "2026-05-04").Process;
        var version = process.Version;

        var advance = process.Advance(Definition);

        Assert.Empty(advance.Opened);
        Assert.False(advance.Established); // it was established by the approval, not now: nothing to announce twice
        Assert.Equal((ProcessStatus.Established, D("2026-05-04"), version), (process.Status, process.EstablishedOn, process.Version));
    }
}
