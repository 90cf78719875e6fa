using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Reminders;
using WorkingGroups.UnitTests.Definitions;

namespace WorkingGroups.UnitTests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly ReminderPolicy Weekdays = new(FirstAfterDays: 10, EveryDays: 7, EscalateAfter: 3, SkipWeekends: true);

    [Fact]
    public void Reminders_fall_on_N_then_every_M_days_and_the_one_after_K_is_the_escalation()
    {
        var sent = new DateOnly(2026, 3, 2); // a Monday
        Assert.Equal(new DateOnly(2026, 3, 12), ReminderSchedule.DueOn(Weekdays, sent, 1));
        Assert.Equal(new DateOnly(2026, 3, 19), ReminderSchedule.DueOn(Weekdays, sent, 2));
        Assert.Equal(ReminderKind.Reminder, ReminderSchedule.KindOf(Weekdays, 3));
        Assert.Equal(ReminderKind.Escalation, ReminderSchedule.KindOf(Weekdays, 4));
    }

    [Fact]
    public void A_reminder_due_on_a_weekend_moves_to_Monday_unless_weekends_are_allowed()
    {
        var thursday = new DateOnly(2026, 3, 5);
        Assert.Equal(new DateOnly(2026, 3, 16), ReminderSchedule.DueOn(Weekdays, thursday, 1)); // Sunday 15th -> Monday
        Assert.Equal(new DateOnly(2026, 3, 15), ReminderSchedule.DueOn(Weekdays with { SkipWeekends = false }, thursday, 1));
        Assert.Equal(new DateOnly(2026, 3, 16), ReminderSchedule.NextWorkday(new DateOnly(2026, 3, 14))); // Saturday -> Monday
    }

    [Fact]
    public void After_a_long_stop_only_the_latest_due_reminder_is_sent_and_nothing_after_the_escalation()
    {
        var sent = new DateOnly(2026, 3, 2);
        Assert.Null(ReminderSchedule.Latest(Weekdays, sent, new DateOnly(2026, 3, 11)));
        Assert.Equal((2, new DateOnly(2026, 3, 19)), ReminderSchedule.Latest(Weekdays, sent, new DateOnly(2026, 3, 25)));
        Assert.Equal((4, new DateOnly(2026, 4, 2)), ReminderSchedule.Latest(Weekdays, sent, new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void A_step_policy_wins_over_the_kind_policy_which_wins_over_the_default_and_omitted_fields_take_defaults()
    {
        var text = DefinitionFiles.Valid
            .Replace("\"bodies\": [", "\"reminderPolicies\": { \"invitations\": { \"firstAfterDays\": 5, \"everyDays\": 3, \"escalateAfter\": 2, \"skipWeekends\": false } },\n\"bodies\": [")
            .Replace("\"kind\": \"letter\", \"owner\": \"lead\", \"after\": [],", "\"kind\": \"letter\", \"owner\": \"lead\", \"after\": [], \"reminders\": { \"firstAfterDays\": 2 },");
        using var files = new DefinitionFiles().Add("xx-establishment.v1.json", text);
        var result = files.Load();
        Assert.Empty(result.Errors);
        var definition = Assert.Single(result.Definitions);
        Assert.Equal(new ReminderPolicy(5, 3, 2, false), definition.ReminderPolicyFor(definition.FindStep("invite")!));
        Assert.Equal(ReminderPolicy.Default with { FirstAfterDays = 2 }, definition.ReminderPolicyFor(definition.FindStep("letter")!));
        Assert.Equal(ReminderPolicy.Default, definition.ReminderPolicyFor(definition.FindStep("draft")!));
    }
}
