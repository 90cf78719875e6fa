using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using WorkingGroups.Core.Attention;
using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Forecasts;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Infrastructure.Groups.Notices;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Infrastructure.Attention;

/// <summary>Reads what the attention list is computed from: active processes, their reminders so far, and the groups' year.</summary>
public sealed class AttentionService(IDbContextFactory<AppDbContext> contexts, DefinitionVersions versions, IConfiguration configuration, IClock clock, WorkingCalendars calendars)
{
    /// <summary>How close a Work Plan deadline counts as soon: the days before it that the responsible body is reminded.</summary>
    private NoticeDays Days { get; } = SettingsReader.Use(configuration, GroupNoticeSweep.ReadDays);

    /// <summary>Today's list for one country, or every country when <paramref name="country"/> is null.</summary>
    public async Task<AttentionList> ForAsync(string? country, CancellationToken cancellationToken)
    {
        // The list's date is the reader's country's; across countries, each process and group is on its own country's.
        var today = country is null ? clock.Today : clock.TodayIn(country);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var processes = await db.ProjectionReadOnly()
            .Where(p => p.Status == ProcessStatus.Active && (country == null || p.Country == country)).ToListAsync(cancellationToken);
        // The reminders the body itself had: those the app sent it and those a coordinator recorded. An escalation went
        // to the chairs and coordinators instead, and an overdue notice is about a step.
        var sent = await db.Reminders.AsNoTracking()
            .Where(r => r.Status == MailStatus.Sent && r.Kind != ReminderKind.Overdue && r.Kind != ReminderKind.Escalation
                        && db.Processes.Any(p => p.Id == r.ProcessId && p.Status == ProcessStatus.Active && (country == null || p.Country == country)))
            .ToListAsync(cancellationToken);
        var tallies = sent
            .GroupBy(r => (r.ProcessId, r.StepId, r.BodyId))
            .ToDictionary(g => g.Key, g => new ReminderTally(g.Count(), g.Max(r => r.SentOn())));

        var running = processes.Select(p => (p, versions.Get(p.DefinitionId, p.DefinitionVersion))).ToList();
        // The forecasts read every process of the scope, finished ones too: their durations are the history.
        var all = await db.ProjectionReadOnly().Where(p => country == null || p.Country == country).ToListAsync(cancellationToken);
        var history = new ForecastHistory(all.Select(p => new ProcessOnDefinition(p, versions.Get(p.DefinitionId, p.DefinitionVersion))).ToList(),
            today, ForecastService.UnitOf);

        return AttentionList.Of(
            running,
            i => tallies.GetValueOrDefault((i.ProcessId, i.StepId, i.BodyId), ReminderTally.None),
            await GroupYearsAsync(db, country, cancellationToken),
            Days,
            today,
            (p, d) => (clock.TodayIn(p.Country), calendars.RulerFor(d)),
            clock.TodayIn).WithForecasts(running, history);
    }

    /// <summary>Only what is due about the groups on <paramref name="today"/> (the weekly digest's part of the list).</summary>
    public async Task<IReadOnlyList<GroupConcern>> GroupConcernsAsync(string? country, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return AttentionList.GroupConcerns(await GroupYearsAsync(db, country, cancellationToken), Days, today);
    }

    private static async Task<List<GroupYear>> GroupYearsAsync(AppDbContext db, string? country, CancellationToken cancellationToken)
    {
        var groups = await GroupStore.Query(db).AsNoTracking().Where(g => country == null || g.Country == country).ToListAsync(cancellationToken);
        var ids = groups.Select(g => g.Id).ToList();
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => ids.Contains(m.GroupId)).ToListAsync(cancellationToken);
        var plans = await db.Set<WorkPlan>().AsNoTracking().Include(p => p.Items).Where(p => ids.Contains(p.GroupId)).ToListAsync(cancellationToken);
        return groups.Select(g => new GroupYear(g, meetings.Where(m => m.GroupId == g.Id).ToList(), plans.Where(p => p.GroupId == g.Id).ToList())).ToList();
    }
}
