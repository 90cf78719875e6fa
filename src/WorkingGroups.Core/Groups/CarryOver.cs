namespace WorkingGroups.Core.Groups;

/// <summary>Next year's draft plan starts with last year's unfinished items; they are marked carried over where they were.</summary>
public static class CarryOver
{
    public static WorkPlan NextYear(Guid groupId, int year, WorkPlan? previous, DateTime createdAt)
    {
        var plan = new WorkPlan { Id = Guid.NewGuid(), GroupId = groupId, Year = year, Status = WorkPlanStatus.Draft, CreatedAt = createdAt, Version = Guid.NewGuid() };
        if (previous is null) return plan;
        foreach (var item in previous.Items.Where(i => i.Unfinished).OrderBy(i => i.Number))
        {
            plan.Items.Add(new WorkItem
            {
                Id = Guid.NewGuid(),
                PlanId = plan.Id,
                Number = plan.Items.Count + 1,
                Title = item.Title,
                ResponsibleBodyId = item.ResponsibleBodyId,
                CoImplementers = item.CoImplementers.ToList(),
                // A deadline that passed in the old year moves to the new year's end; a later one stays.
                Deadline = item.Deadline.Year >= year ? item.Deadline : new DateOnly(year, 12, 31),
                Status = item.Status,
                Evidence = item.Evidence.ToList(),
                CarriedFrom = item.Id,
                Version = Guid.NewGuid(),
            });
            item.Status = WorkItemStatus.CarriedOver;
            item.Version = Guid.NewGuid();
        }
        previous.Version = Guid.NewGuid();
        return plan;
    }
}
