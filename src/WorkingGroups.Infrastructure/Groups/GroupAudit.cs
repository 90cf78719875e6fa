using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>
/// What a removal leaves behind. A group has no audit of its own: it is the outcome of its establishment process, so
/// a removal is recorded in that process's audit, where the group's history already begins.
/// </summary>
internal static class GroupAudit
{
    public static void Record(AppDbContext db, Group group, IClock clock, string user, string action, object removed) =>
        db.AuditEntries.Add(ProcessService.NewAudit(group.EstablishedBy, clock.UtcNow, user, action, null, null, removed, null));

    /// <summary>E-mail about the removed thing that has not gone out yet is cancelled; what was sent stays as sent.</summary>
    public static async Task CancelNoticesAsync(AppDbContext db, Guid subjectId, CancellationToken cancellationToken)
    {
        var pending = await db.Set<GroupNotice>()
            .Where(n => n.SubjectId == subjectId && (n.Status == MailStatus.Due || n.Status == MailStatus.Scheduled || n.Status == MailStatus.Failed))
            .ToListAsync(cancellationToken);
        foreach (var notice in pending) notice.Status = MailStatus.Cancelled;
    }
}
