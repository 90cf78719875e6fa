using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

public enum WorkPlanStatus { Draft, Adopted }

/// <summary>CarriedOver: unfinished at the year's end, continued as an item of next year's plan.</summary>
public enum WorkItemStatus { Planned, InProgress, Done, CarriedOver }

/// <summary>A group's Work Plan for a year: drafted, then adopted at a meeting (on the meeting's date).</summary>
public sealed class WorkPlan
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public int Year { get; set; }
    public WorkPlanStatus Status { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    public Guid? AdoptedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }
    public List<WorkItem> Items { get; set; } = [];

    public WorkItem Item(Guid itemId) => Items.FirstOrDefault(i => i.Id == itemId)
        ?? throw DomainRuleException.NotFound("item-not-found", itemId);

    /// <summary>Adopted at a meeting of the group that has taken place; the plan is adopted on the meeting's date.</summary>
    public void Adopt(Meeting meeting, DateOnly today)
    {
        if (Status == WorkPlanStatus.Adopted) throw DomainRuleException.Conflict("plan-adopted", Year, AdoptedOn);
        if (meeting.GroupId != GroupId) throw DomainRuleException.NotFound("meeting-not-found", meeting.Id);
        if (!meeting.HeldBy(today)) throw DomainRuleException.Conflict("meeting-not-held", meeting.Date);
        Status = WorkPlanStatus.Adopted;
        AdoptedOn = meeting.Date;
        AdoptedAt = meeting.Id;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Removes an item entered by mistake while the plan is a draft. Not one that links two years (carried over, or
    /// continuing last year's), nor one a meeting reviewed: the minutes name it.
    /// </summary>
    public WorkItem RemoveItem(Guid itemId, IEnumerable<Meeting> meetings)
    {
        var item = Item(itemId);
        WorkPlanRules.MustBeDraft(this);
        if (item.Status == WorkItemStatus.CarriedOver) throw DomainRuleException.Conflict("item-carried-over", item.Number);
        if (item.CarriedFrom is not null) throw DomainRuleException.Conflict("item-carried-from", item.Number);
        if (meetings.FirstOrDefault(m => m.ItemReviews.Any(r => r.ItemId == itemId)) is { } meeting)
            throw DomainRuleException.Conflict("item-reviewed", item.Number, meeting.Date);
        Items.Remove(item);
        Version = Guid.NewGuid();
        return item;
    }

    /// <summary>Shares of the items done, in progress and overdue on a date (items carried over to next year count apart).</summary>
    public WorkPlanProgress ProgressOn(DateOnly date) => WorkPlanProgress.Of(Items, date);
}

/// <summary>
/// A task of the plan: the responsible body, co-implementers, a deadline, its status and the documents that prove it.
/// <see cref="CarriedFrom"/> names the unfinished item of last year's plan it continues.
/// </summary>
public sealed class WorkItem
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string ResponsibleBodyId { get; set; }
    public List<string> CoImplementers { get; set; } = [];
    public DateOnly Deadline { get; set; }
    public WorkItemStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
    public Guid? CarriedFrom { get; set; }
    public Guid Version { get; set; }

    public bool Unfinished => Status is WorkItemStatus.Planned or WorkItemStatus.InProgress;

    public bool OverdueOn(DateOnly date) => Unfinished && Deadline < date;

    /// <summary>Unfinished, its deadline not passed but at most <paramref name="daysAhead"/> days away.</summary>
    public bool DueSoonOn(DateOnly date, int daysAhead) => Unfinished && !OverdueOn(date) && Deadline.AddDays(-daysAhead) <= date;
}

public sealed record WorkPlanProgress(DateOnly AsOf, int Items, int Done, int InProgress, int Overdue, int CarriedOver)
{
    public double DoneShare => Share(Done);
    public double InProgressShare => Share(InProgress);
    public double OverdueShare => Share(Overdue);

    private double Share(int count) => Items == 0 ? 0 : Math.Round((double)count / Items, 3);

    public static WorkPlanProgress Of(IReadOnlyCollection<WorkItem> items, DateOnly date) => new(
        date,
        items.Count,
        items.Count(i => i.Status == WorkItemStatus.Done && i.DoneOn <= date),
        items.Count(i => i.Status == WorkItemStatus.InProgress && !i.OverdueOn(date)),
        items.Count(i => i.OverdueOn(date)),
        items.Count(i => i.Status == WorkItemStatus.CarriedOver));
}
