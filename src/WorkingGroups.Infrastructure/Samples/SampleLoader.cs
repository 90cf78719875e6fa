using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Infrastructure.Samples;

/// <summary>
/// Plays the sample histories through <see cref="ProcessService"/> and <see cref="ReminderService"/> (then the groups' samples: <see cref="SampleGroupPlayer"/>), as a coordinator would record them, so the
/// engine opens the steps and the audit trail shows every action. Only into a database without processes: once
/// anything is there (samples or real work) it never runs again.
/// </summary>
public sealed class SampleLoader(
    IDbContextFactory<AppDbContext> contexts, ProcessService processes, ReminderService reminders, SampleGroupPlayer groups, DefinitionCatalog catalog, IClock clock,
    ILogger<SampleLoader> logger)
{
    /// <summary>How the audit trail names whoever recorded the samples.</summary>
    public const string User = "samples";

    /// <summary>Loads every history of <c>samples/histories</c>; returns how many processes were created.</summary>
    public async Task<int> LoadAsync(string samplesFolder, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Processes.AnyAsync(cancellationToken)) return 0;
        }
        var folder = Path.Combine(samplesFolder, SamplesSettings.HistoriesFolderName);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No sample histories: {Folder} does not exist", folder);
            return 0;
        }
        var today = clock.Today;
        var (histories, errors) = SampleHistoryFile.ReadFolder(folder, catalog, today);
        if (errors.Count > 0)
        {
            // A broken sample must not stop the app, and nothing half-checked is stored.
            logger.LogError("No samples loaded: the sample histories in {Folder} have errors:{NewLine}{Errors}",
                folder, Environment.NewLine, string.Join(Environment.NewLine, errors));
            return 0;
        }
        foreach (var history in histories) await PlayAsync(history, cancellationToken);
        await groups.PlayAsync(samplesFolder, cancellationToken);
        logger.LogInformation("Loaded {Count} sample processes from {Folder}", histories.Count, folder);
        return histories.Count;
    }

    private async Task PlayAsync(SampleHistory history, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = await processes.StartAsync(history.Start, User, cancellationToken);
        }
        catch (DomainRuleException ex)
        {
            logger.LogError("Sample {File} was not started: {Problem}", history.File, ex.Message);
            return;
        }
        foreach (var action in history.Actions)
        {
            try
            {
                await (action switch
                {
                    CompleteSampleStep c => (Task)processes.CompleteStepAsync(process.Id, c.StepId, c.Command, User, cancellationToken),
                    AnswerSampleInvitation a => processes.AnswerInvitationAsync(process.Id, a.StepId, a.BodyId, a.Command, User, cancellationToken),
                    RemindSampleInvitation r => reminders.RecordAsync(process.Id, r.Command, User, cancellationToken),
                    _ => throw new InvalidOperationException($"Unknown sample action {action.GetType().Name}."),
                });
            }
            catch (DomainRuleException ex)
            {
                // The history contradicts the process rules (e.g. a step before its predecessor): say where, and
                // close the half-played sample so it does not pass for real work.
                logger.LogError("Sample {File} stopped at {Position}: {Problem}", history.File, action.Position, ex.Message);
                await processes.CancelAsync(process.Id, new CancelProcess(history.Start.StartedOn,
                    $"Sample history {history.File} could not be played at {action.Position}: {ex.Message}"), User, cancellationToken);
                return;
            }
        }
    }
}
