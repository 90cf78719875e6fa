using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.UnitTests.Groups;

namespace WorkingGroups.UnitTests.Reminders;

/// <summary>The rules of a reminder sent outside the app: what it may chase, and which reminder of the series it stands for.</summary>
public sealed class RecordedReminderTests
{
    // Kazakhstan's invitations: first reminder 10 days after the invitation, then every 7, escalation after 3; weekdays only.
    private static readonly ProcessDefinition Definition = KazakhGroup.Definition;
    private static readonly ReminderPolicy Policy = Definition.ReminderPolicyFor(Definition.FindStep("invitations")!);
    private static readonly DateOnly Sent = D("2026-03-02"); // a Monday: reminders due 12, 19, 26 March; escalation 2 April
    private static readonly DateOnly Today = D("2026-04-30");

    private static DateOnly D(string iso) => KazakhGroup.D(iso);

    /// <summary>The Kazakh process in its invitations step: dles-mes pending, epd-mes already answered.</summary>
    private static Process Inviting() =>
        KazakhGroup.UpToInvitations("2026-01-12", "2026-03-02").Accepted("invitations", "epd-mes", "2026-03-10").Process;

    private static RecordReminder Command(string body = "dles-mes", string sentOn = "2026-03-20", ReminderChannel channel = ReminderChannel.Letter,
        string step = "invitations") => new(step, body, D(sentOn), channel, "21-1-13/4102", null);

    private static Reminder Existing(ReminderKind kind, int sequence, DateOnly dueOn) =>
        new() { StepId = "invitations", BodyId = "dles-mes", Kind = kind, Sequence = sequence, DueOn = dueOn };

    [Fact]
    public void A_pending_invitation_with_a_past_date_after_the_invitation_is_accepted()
    {
        var (invitation, policy) = RecordedReminders.Check(Inviting(), Definition, Command(), Today);
        Assert.Equal("dles-mes", invitation.BodyId);
        Assert.Equal(Policy, policy);
    }

    [Theory]
    [InlineData("epd-mes", "2026-03-20", "already-answered", RuleKind.Conflict)]
    [InlineData("not-a-body", "2026-03-20", "not-invited", RuleKind.Conflict)]
    [InlineData("dles-mes", "2026-05-01", "date-in-future", RuleKind.Invalid)]
    [InlineData("dles-mes", "2026-03-01", "date-before-invitation-sent", RuleKind.Invalid)]
    public void An_answered_or_unknown_invitation_a_future_date_and_a_date_before_the_invitation_are_refused(string body, string sentOn, string code, RuleKind kind)
    {
        var error = Assert.Throws<DomainRuleException>(() => RecordedReminders.Check(Inviting(), Definition, Command(body, sentOn), Today));
        Assert.Equal((code, kind), (error.Code, error.Kind));
        if (kind == RuleKind.Invalid) Assert.Equal("sentOn", error.Field);
    }

    [Fact]
    public void A_step_that_is_not_an_invitations_step_an_unknown_step_and_a_finished_process_are_refused()
    {
        Assert.Equal("not-an-invitations-step",
            Assert.Throws<DomainRuleException>(() => RecordedReminders.Check(Inviting(), Definition, Command(step: "draft-order"), Today)).Code);
        Assert.Equal(RuleKind.NotFound,
            Assert.Throws<DomainRuleException>(() => RecordedReminders.Check(Inviting(), Definition, Command(step: "no-such-step"), Today)).Kind);
        var established = KazakhGroup.EstablishedProcess();
        Assert.Equal("process-not-active",
            Assert.Throws<DomainRuleException>(() => RecordedReminders.Check(established, Definition, Command(), Today)).Code);
    }

    [Fact]
    public void Channels_are_a_small_named_set_and_anything_else_names_the_choices()
    {
        Assert.Equal(["email", "letter", "phone", "meeting"], RecordedReminders.ChannelNames);
        Assert.Equal(ReminderChannel.Phone, RecordedReminders.Channel("phone"));
        var error = Assert.Throws<DomainRuleException>(() => RecordedReminders.Channel("pigeon"));
        Assert.Equal(("channel", "not-a-choice"), (error.Field, error.Code));
        Assert.Contains("email, letter, phone, meeting", error.Detail);
        Assert.Equal("required", Assert.Throws<DomainRuleException>(() => RecordedReminders.Channel(" ")).Code);
        Assert.Equal("not-a-choice",
            Assert.Throws<DomainRuleException>(() => RecordedReminders.Check(Inviting(), Definition, Command(channel: (ReminderChannel)42), Today)).Code);
    }

    [Fact]
    public void A_recorded_reminder_stands_for_the_latest_reminder_due_by_its_date_or_the_one_after_the_last_sent()
    {
        // Before the first reminder is due, it stands for the first: the app will not send that one.
        Assert.Equal(1, RecordedReminders.Sequence(Policy, Sent, D("2026-03-05"), []));
        // Nothing sent (reminders paused), recorded after the second fell due: it stands for the second.
        Assert.Equal(2, RecordedReminders.Sequence(Policy, Sent, D("2026-03-20"), []));
        // The app sent the first; a call the day after stands for the second.
        Assert.Equal(2, RecordedReminders.Sequence(Policy, Sent, D("2026-03-13"), [Existing(ReminderKind.Reminder, 1, D("2026-03-12"))]));
        // Two recorded the same week: the second one counts after the first.
        Assert.Equal(3, RecordedReminders.Sequence(Policy, Sent, D("2026-03-20"), [Existing(ReminderKind.Recorded, 2, D("2026-03-19"))]));
        // Reminders dated after it do not push it forward: recorded late for a call made on the 13th, it is still the second.
        Assert.Equal(2, RecordedReminders.Sequence(Policy, Sent, D("2026-03-13"),
            [Existing(ReminderKind.Reminder, 1, D("2026-03-12")), Existing(ReminderKind.Reminder, 2, D("2026-03-19"))]));
        // Overdue notices and "remind now" are not in the series.
        Assert.Equal(1, RecordedReminders.Sequence(Policy, Sent, D("2026-03-05"), [Existing(ReminderKind.Manual, 1, D("2026-03-04"))]));
    }

    [Fact]
    public void A_recorded_reminder_covers_the_reminders_of_the_series_up_to_its_number_but_never_the_escalation()
    {
        var recorded = Existing(ReminderKind.Recorded, 2, D("2026-03-13"));
        Assert.True(RecordedReminders.Covers(recorded, Existing(ReminderKind.Reminder, 2, D("2026-03-19"))));
        Assert.True(RecordedReminders.Covers(recorded, Existing(ReminderKind.Reminder, 1, D("2026-03-12"))));
        Assert.False(RecordedReminders.Covers(recorded, Existing(ReminderKind.Reminder, 3, D("2026-03-26"))));
        Assert.False(RecordedReminders.Covers(Existing(ReminderKind.Recorded, 5, D("2026-04-03")), Existing(ReminderKind.Escalation, 4, D("2026-04-02"))));
        Assert.False(RecordedReminders.Covers(recorded, Existing(ReminderKind.Overdue, 1, D("2026-03-19"))));
        // The app's own reminders keep their rule: a later one in the series covers an earlier candidate.
        Assert.True(RecordedReminders.Covers(Existing(ReminderKind.Escalation, 4, D("2026-04-02")), Existing(ReminderKind.Reminder, 3, D("2026-03-26"))));
        Assert.False(RecordedReminders.Covers(Existing(ReminderKind.Reminder, 1, D("2026-03-12")), Existing(ReminderKind.Reminder, 2, D("2026-03-19"))));
    }
}
