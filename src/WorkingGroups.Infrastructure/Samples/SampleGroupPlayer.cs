using WorkingGroups.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Groups;

namespace WorkingGroups.Infrastructure.Samples;

/// <summary>
/// Plays samples/groups/*.json through the group services, as a secretary would record them: the annual meeting
/// scheduled, the Work Plan drafted and adopted at it, what happened and the approved minutes, the items' progress,
/// then the interim meeting's review. Runs after the histories, whose established processes founded the groups.
/// </summary>
public sealed class SampleGroupPlayer(
    GroupService groups, MeetingService meetings, WorkPlanService plans, IClock clock, ILogger<SampleGroupPlayer> logger)
{
    public const string FolderName = "groups";

    public async Task PlayAsync(string samplesFolder, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(samplesFolder, FolderName);
        if (!Directory.Exists(folder)) return;
        var (samples, errors) = SampleGroupFile.ReadFolder(folder, clock.Today);
        if (errors.Count > 0)
        {
            logger.LogError("No sample groups loaded: the files in {Folder} have errors:{NewLine}{Errors}",
                folder, Environment.NewLine, string.Join(Environment.NewLine, errors));
            return;
        }
        foreach (var sample in samples)
        {
            if ((await groups.ListAsync(sample.Country, cancellationToken)).FirstOrDefault() is not { } group)
            {
                logger.LogError("Sample group {File}: no group of {Country} was founded by the sample histories", sample.File, sample.Country);
                continue;
            }
            try
            {
                await PlayAsync(group.Id, sample, cancellationToken);
            }
            catch (DomainRuleException ex)
            {
                // Whatever was recorded stays, as a secretary's partial record would; the log says where it stopped.
                logger.LogError("Sample group {File} stopped: {Problem}", sample.File, ex.Message);
            }
        }
    }

    private async Task PlayAsync(Guid groupId, SampleGroup sample, CancellationToken cancellationToken)
    {
        var annual = await meetings.ScheduleAsync(groupId, sample.Annual.Schedule, cancellationToken);
        var plan = await plans.CreateAsync(groupId, annual.Date.Year, cancellationToken);
        var items = new List<Guid>();
        foreach (var item in sample.Items)
        {
            plan = await plans.AddItemAsync(groupId, plan.Id, item.Add, cancellationToken);
            items.Add(plan.Items.OrderBy(i => i.Number).Last().Id);
        }
        await plans.AdoptAsync(groupId, plan.Id, annual.Id, cancellationToken);
        await meetings.RecordAsync(groupId, annual.Id, new RecordMeeting(sample.Annual.Attendees, sample.Annual.Decisions, []), cancellationToken);
        if (sample.Minutes is { } minutes) await meetings.RecordMinutesAsync(groupId, annual.Id, minutes, cancellationToken);

        if (sample.Interim is { } interim)
        {
            var held = await meetings.ScheduleAsync(groupId, interim.Schedule, cancellationToken);
            var reviews = sample.Reviews.Select(r => new ItemReview(items[r.Item - 1], r.Status, r.Note)).ToList();
            await meetings.RecordAsync(groupId, held.Id, new RecordMeeting(interim.Attendees, interim.Decisions, reviews), cancellationToken);
        }
        // Each item's state today, after the reviews (a review records progress, not completion dates).
        foreach (var (item, id) in sample.Items.Zip(items).Where(p => p.First.Status != WorkItemStatus.Planned))
            await plans.UpdateItemAsync(groupId, plan.Id, id, new UpdateWorkItem(item.Status, item.DoneOn, null, null), cancellationToken);
    }
}
