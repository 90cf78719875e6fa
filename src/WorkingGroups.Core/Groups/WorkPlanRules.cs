using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>The rules of Work Plans and their items.</summary>
public static class WorkPlanRules
{
    /// <summary>A plan for a year of the group's life, up to next year.</summary>
    public static void Year(Group group, int year, DateOnly today)
    {
        if (year < group.EstablishedOn.Year || year > today.Year + 1)
            throw DomainRuleException.Invalid("year", "plan-year-out-of-range", year, group.EstablishedOn.Year, today.Year + 1);
    }

    public static WorkItem NewItem(Group group, WorkPlan plan, AddWorkItem command, DateOnly today)
    {
        MustBeDraft(plan);
        ProcessRules.Line("title", command.Title, ProcessRules.MaxNote, required: true);
        ProcessRules.Text("responsibleBodyId", command.ResponsibleBodyId, 64, required: true);
        if (!group.IsMemberOn(command.ResponsibleBodyId, today))
            throw DomainRuleException.Invalid("responsibleBodyId", "body-not-member-on", new BodyRef(command.ResponsibleBodyId), today);
        for (var i = 0; i < command.CoImplementers.Count; i++)
            ProcessRules.Line($"coImplementers[{i}]", command.CoImplementers[i], ProcessRules.MaxText, required: true);
        Deadline(plan, command.Deadline);
        return new WorkItem
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            Number = plan.Items.Select(i => i.Number).DefaultIfEmpty(0).Max() + 1,
            Title = command.Title.Trim(),
            ResponsibleBodyId = command.ResponsibleBodyId,
            CoImplementers = command.CoImplementers.Select(c => c.Trim()).ToList(),
            Deadline = command.Deadline,
            Status = WorkItemStatus.Planned,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>Status, deadline and evidence change while the plan runs; Done is dated (a business date).</summary>
    public static void Update(WorkPlan plan, WorkItem item, UpdateWorkItem command, DateOnly today)
    {
        if (item.Status == WorkItemStatus.CarriedOver) throw DomainRuleException.Conflict("item-carried-over", item.Number);
        ProcessRules.Evidence(command.Evidence, today);
        if (command.Status == WorkItemStatus.CarriedOver)
            throw DomainRuleException.Invalid("status", "not-a-choice", "status", "carried-over", "planned, in-progress, done");
        if (command.Deadline is { } deadline) Deadline(plan, deadline);
        if (command.Status == WorkItemStatus.Done)
        {
            var doneOn = command.DoneOn ?? throw DomainRuleException.Invalid("doneOn", "required", "doneOn");
            if (doneOn > today) throw DomainRuleException.Invalid("doneOn", "date-in-future", "doneOn", doneOn, today);
            ProcessRules.DateWithin("doneOn", doneOn, ProcessRules.EarliestStart, today);
        }
        if (command.Status is { } status)
        {
            item.Status = status;
            item.DoneOn = status == WorkItemStatus.Done ? command.DoneOn : null;
        }
        item.Deadline = command.Deadline ?? item.Deadline;
        item.Evidence = command.Evidence?.ToList() ?? item.Evidence;
        item.Version = Guid.NewGuid();
        plan.Version = Guid.NewGuid();
    }

    /// <summary>A meeting's review of an item also becomes the item's status (done on the meeting's date), unless it moved on.</summary>
    public static void ApplyReview(WorkItem item, ItemReview review, DateOnly meetingDate)
    {
        if (item.Status is WorkItemStatus.CarriedOver || review.Status == WorkItemStatus.CarriedOver) return;
        if (item.Status == WorkItemStatus.Done && item.DoneOn <= meetingDate) return;
        item.Status = review.Status;
        item.DoneOn = review.Status == WorkItemStatus.Done ? meetingDate : null;
        item.Version = Guid.NewGuid();
    }

    /// <summary>Within the plan's year or the few after it (an item may run past its year); 9999 is a typing mistake.</summary>
    private static void Deadline(WorkPlan plan, DateOnly deadline)
    {
        if (deadline.Year < plan.Year)
            throw DomainRuleException.Invalid("deadline", "deadline-before-plan-year", deadline, plan.Year);
        ProcessRules.DateWithin("deadline", deadline, new DateOnly(plan.Year, 1, 1), new DateOnly(plan.Year + ProcessRules.MaxYearsAhead, 12, 31));
    }

    public static void MustBeDraft(WorkPlan plan)
    {
        if (plan.Status == WorkPlanStatus.Adopted) throw DomainRuleException.Conflict("plan-adopted", plan.Year, plan.AdoptedOn);
    }
}
