using WorkingGroups.Core.Groups;
using static WorkingGroups.UnitTests.Groups.KazakhGroup;

namespace WorkingGroups.UnitTests.Groups;

/// <summary>Progress of a plan on a date, and what carry-over moves into next year.</summary>
public sealed class WorkPlanTests
{
    private static WorkPlan Plan2026(params (string Title, string Deadline, WorkItemStatus Status, string? DoneOn)[] items)
    {
        var plan = new WorkPlan { Id = Guid.NewGuid(), GroupId = Guid.NewGuid(), Year = 2026 };
        foreach (var (title, deadline, status, doneOn) in items)
            plan.Items.Add(new WorkItem
            {
                Id = Guid.NewGuid(), PlanId = plan.Id, Number = plan.Items.Count + 1, Title = title, ResponsibleBodyId = "iwac",
                Deadline = D(deadline), Status = status, DoneOn = doneOn is null ? null : D(doneOn),
            });
        return plan;
    }

    [Fact]
    public void Progress_counts_an_unfinished_item_past_its_deadline_as_overdue_not_in_progress()
    {
        var plan = Plan2026(("a", "2026-03-31", WorkItemStatus.Done, "2026-03-01"), ("b", "2026-06-30", WorkItemStatus.InProgress, null),
            ("c", "2026-12-31", WorkItemStatus.InProgress, null), ("d", "2026-12-31", WorkItemStatus.Planned, null));

        var july = plan.ProgressOn(D("2026-07-01"));
        Assert.Equal((4, 1, 1, 1), (july.Items, july.Done, july.InProgress, july.Overdue));
        Assert.Equal(0.25, july.OverdueShare);
        var february = plan.ProgressOn(D("2026-02-01")); // before it was done
        Assert.Equal((0, 2, 0), (february.Done, february.InProgress, february.Overdue));
    }

    [Fact]
    public void Carry_over_moves_unfinished_items_with_their_body_and_marks_the_old_ones()
    {
        var old = Plan2026(("done", "2026-03-31", WorkItemStatus.Done, "2026-03-01"), ("late", "2026-06-30", WorkItemStatus.InProgress, null),
            ("long", "2027-02-28", WorkItemStatus.Planned, null));

        var next = CarryOver.NextYear(old.GroupId, 2027, old, DateTime.UtcNow);

        Assert.Equal(["late", "long"], next.Items.Select(i => i.Title));
        Assert.Equal([1, 2], next.Items.Select(i => i.Number));
        Assert.Equal([D("2027-12-31"), D("2027-02-28")], next.Items.Select(i => i.Deadline));
        Assert.Equal(WorkItemStatus.InProgress, next.Items[0].Status);
        Assert.Equal(old.Items[1].Id, next.Items[0].CarriedFrom);
        Assert.Equal([WorkItemStatus.Done, WorkItemStatus.CarriedOver, WorkItemStatus.CarriedOver], old.Items.Select(i => i.Status));
        Assert.Equal(WorkPlanStatus.Draft, next.Status);
    }

    [Fact]
    public void A_first_plan_starts_empty()
    {
        Assert.Empty(CarryOver.NextYear(Guid.NewGuid(), 2026, null, DateTime.UtcNow).Items);
    }
}
