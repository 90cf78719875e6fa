using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Groups;

/// <summary>A meeting as the API shows it; <c>startsAt</c> is local time in <c>timeZone</c>, <c>startUtc</c> the same instant in UTC.</summary>
internal sealed record MeetingView(
    Guid Id, Guid GroupId, string Kind, DateOnly Date, TimeOnly StartsAt, int DurationMinutes, string TimeZone, DateTimeOffset? StartUtc,
    string? Place, string? OnlineLink, IReadOnlyList<string> Agenda, bool Held, IReadOnlyList<Attendee> Attendees, IReadOnlyList<string> Decisions,
    IReadOnlyList<ItemReviewView> ItemReviews, string Minutes, Evidence? MinutesDocument, DateOnly? MinutesApprovedOn)
{
    public static MeetingView From(Meeting m, DateOnly today) => new(m.Id, m.GroupId, ProcessView.Name(m.Kind), m.Date, m.StartsAt,
        m.DurationMinutes, m.TimeZone, m.StartUtc(), m.Place, m.OnlineLink, m.Agenda, m.HeldBy(today), m.Attendees, m.Decisions,
        m.ItemReviews.Select(r => new ItemReviewView(r.ItemId, ProcessView.Name(r.Status), r.Note)).ToList(),
        ProcessView.Name(m.Minutes), m.MinutesDocument, m.MinutesApprovedOn);
}

internal sealed record ItemReviewView(Guid ItemId, string Status, string? Note);

/// <summary>A Work Plan with its items and its progress on <c>asOf</c> (shares of the items, 0 to 1).</summary>
internal sealed record WorkPlanView(Guid Id, Guid GroupId, int Year, string Status, DateOnly? AdoptedOn, Guid? AdoptedAt,
    ProgressView Progress, IReadOnlyList<WorkItemView> Items)
{
    public static WorkPlanView From(WorkPlan p, DateOnly asOf) => new(p.Id, p.GroupId, p.Year, ProcessView.Name(p.Status), p.AdoptedOn,
        p.AdoptedAt, ProgressView.From(p.ProgressOn(asOf)), p.Items.OrderBy(i => i.Number).Select(i => WorkItemView.From(i, asOf)).ToList());
}

internal sealed record ProgressView(DateOnly AsOf, int Items, int Done, int InProgress, int Overdue, int CarriedOver,
    double DoneShare, double InProgressShare, double OverdueShare)
{
    public static ProgressView From(WorkPlanProgress p) =>
        new(p.AsOf, p.Items, p.Done, p.InProgress, p.Overdue, p.CarriedOver, p.DoneShare, p.InProgressShare, p.OverdueShare);
}

internal sealed record WorkItemView(Guid Id, int Number, string Title, string ResponsibleBodyId, IReadOnlyList<string> CoImplementers,
    DateOnly Deadline, string Status, bool Overdue, DateOnly? DoneOn, IReadOnlyList<Evidence> Evidence, Guid? CarriedFrom)
{
    public static WorkItemView From(WorkItem i, DateOnly asOf) => new(i.Id, i.Number, i.Title, i.ResponsibleBodyId, i.CoImplementers,
        i.Deadline, ProcessView.Name(i.Status), i.OverdueOn(asOf), i.DoneOn, i.Evidence, i.CarriedFrom);
}
