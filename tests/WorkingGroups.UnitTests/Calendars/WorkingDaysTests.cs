using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.UnitTests.Definitions;

namespace WorkingGroups.UnitTests.Calendars;

/// <summary>Benchmarks in working days, reminders on working days, and each country's today, from the shipped calendars.</summary>
public sealed class WorkingDaysTests
{
    private static readonly WorkingCalendars Calendars = new(CalendarLoader.LoadFolder(CalendarFileTests.CalendarsFolder()).Calendars);

    private static ProcessDefinition Kazakhstan(BenchmarkUnit unit) =>
        Assert.Single(DefinitionLoader.LoadFolder(RepositoryDefinitionsTests.WorkflowsFolder()).Definitions, d => d.Id == "kz-establishment")
            with { BenchmarkUnit = unit };

    [Fact]
    public void A_step_spanning_Nauryz_is_on_time_in_working_days_and_late_in_calendar_days()
    {
        // "start-procedure" has 14 days. From Friday 14 March to Tuesday 8 April 2025: 25 calendar days, 17 weekdays,
        // of which Nauryz (21 March, and 24 and 25 March for the days that fell on the weekend) takes 3: 14 working days.
        foreach (var (unit, elapsed, state) in new[] { (BenchmarkUnit.CalendarDays, 25, BenchmarkState.Overdue), (BenchmarkUnit.WorkingDays, 14, BenchmarkState.OnTrack) })
        {
            var definition = Kazakhstan(unit);
            var ruler = Calendars.RulerFor(definition);
            var process = Process.Start(definition, new DateOnly(2025, 3, 14), null, "test", DateTime.UtcNow, new DateOnly(2025, 4, 8));
            process.Complete(definition, "start-procedure", new CompleteStep(new DateOnly(2025, 4, 8), null, null), new DateOnly(2025, 4, 8));
            var step = process.Step("start-procedure")!;
            Assert.Equal((unit, elapsed, state), (ruler.Unit, step.ElapsedDays(new DateOnly(2025, 4, 8), ruler), step.State(new DateOnly(2025, 4, 8), ruler)));
        }
    }

    [Fact]
    public void A_reminder_due_on_a_public_holiday_goes_out_on_the_next_working_day()
    {
        // Sent Tuesday 11 March 2025, first reminder after 10 days: Friday 21 March, Nauryz. Then the weekend, then
        // 24 and 25 March (Nauryz's weekend days moved): Wednesday 26 March is the next working day in Kazakhstan.
        var definition = Kazakhstan(BenchmarkUnit.CalendarDays);
        var policy = new ReminderPolicy(10, 7, 3, SkipWeekends: true);
        var sent = new DateOnly(2025, 3, 11);
        Assert.Equal(new DateOnly(2025, 3, 21), ReminderSchedule.DueOn(policy, sent, 1)); // weekends alone: on Nauryz itself
        Assert.Equal(new DateOnly(2025, 3, 26), ReminderSchedule.DueOn(policy, sent, 1, Calendars.For("KZ")!.NextWorkingDay));

        // The sweep's plan: a process started Friday 14 March; its first step's owner is reminded after 7 days, on the
        // 21st, Nauryz: nothing is due on Tuesday 25th, the reminder is due on Wednesday 26th.
        var started = new DateOnly(2025, 3, 14);
        var process = Process.Start(definition, started, null, "test", DateTime.UtcNow, started);
        Assert.DoesNotContain(ReminderPlan.Due(process, definition, new DateOnly(2025, 3, 25), DateTime.UtcNow, Calendars), r => r.Kind == ReminderKind.Reminder);
        var reminder = Assert.Single(ReminderPlan.Due(process, definition, new DateOnly(2025, 3, 26), DateTime.UtcNow, Calendars), r => r.Kind == ReminderKind.Reminder);
        Assert.Equal(new DateOnly(2025, 3, 26), reminder.DueOn);
    }

    [Theory]
    [InlineData("KZ")]
    [InlineData("TJ")]
    [InlineData("UZ")]
    public void At_23_30_UTC_it_is_already_tomorrow_in_each_country_and_at_00_30_UTC_still_today(string country)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 20, 23, 30, 0, TimeSpan.Zero));
        var clock = new ServiceCollection().AddSingleton<TimeProvider>(time).AddSingleton(Calendars).AddClock().BuildServiceProvider()
            .GetRequiredService<IClock>();
        Assert.Equal(new DateOnly(2026, 3, 20), clock.Today);
        Assert.Equal(new DateOnly(2026, 3, 21), clock.TodayIn(country)); // 04:30 in Astana, Dushanbe and Tashkent
        time.SetUtcNow(new DateTimeOffset(2026, 3, 21, 0, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 21), clock.Today);
        Assert.Equal(new DateOnly(2026, 3, 21), clock.TodayIn(country));
        // And in the evening, 18:59 UTC is still the 21st there, 19:00 UTC the 22nd (UTC+5 since March 2024 in Kazakhstan too).
        time.SetUtcNow(new DateTimeOffset(2026, 3, 21, 18, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 21), clock.TodayIn(country));
        time.SetUtcNow(new DateTimeOffset(2026, 3, 21, 19, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 22), clock.TodayIn(country));
    }
}
