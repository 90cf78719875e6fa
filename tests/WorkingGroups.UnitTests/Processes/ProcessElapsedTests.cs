using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.UnitTests.Definitions;

namespace WorkingGroups.UnitTests.Processes;

/// <summary>
/// The elapsed rules of a process and its steps: a step starts on its last prerequisite's completion (or the process
/// start), runs to its completion or to today; the process runs from its start to its last step's completion.
/// </summary>
public sealed class ProcessElapsedTests
{
    // draft and letter start with the process; invite waits for both; approve waits for invite.
    private static readonly ProcessDefinition Definition = Walk.Load(DefinitionFiles.Valid);

    private static DateOnly D(string iso) => Walk.D(iso);

    private static Walk Started(string startedOn) => Walk.Start(Definition, startedOn);

    [Fact]
    public void A_first_step_is_activated_on_the_process_start()
    {
        var process = Started("2024-02-29").Process;
        Assert.Equal(D("2024-02-29"), process.ActivationDate(Definition.FindStep("draft")!));
    }

    [Fact]
    public void A_join_is_activated_on_the_latest_completion_among_its_prerequisites()
    {
        var process = Started("2024-02-01").Done("draft", "2024-02-29").Done("letter", "2024-02-10").Process;
        var invite = Definition.FindStep("invite")!;
        Assert.True(process.PrerequisitesDone(invite));
        Assert.Equal(D("2024-02-29"), process.ActivationDate(invite));
    }

    [Fact]
    public void A_join_is_not_ready_while_one_prerequisite_is_open()
    {
        var process = Started("2024-02-01").Done("draft", "2024-02-29").Process;
        Assert.False(process.PrerequisitesDone(Definition.FindStep("invite")!));
    }

    [Fact]
    public void An_active_step_counts_to_today_and_its_state_moves_with_today()
    {
        var step = Started("2024-02-01").Done("draft", "2024-02-20").Done("letter", "2024-02-12").Process.Step("invite")!; // 20 days
        Assert.Equal(9, step.ElapsedDays(D("2024-02-29")));               // across the leap day
        Assert.Equal(BenchmarkState.OnTrack, step.State(D("2024-02-29")));
        Assert.Equal(16, step.ElapsedDays(D("2024-03-07")));              // exactly 80 % of 20
        Assert.Equal(BenchmarkState.OnTrack, step.State(D("2024-03-07")));
        Assert.Equal(BenchmarkState.AtRisk, step.State(D("2024-03-08")));
        Assert.Equal(BenchmarkState.AtRisk, step.State(D("2024-03-11")));  // exactly 20 days
        Assert.Equal(BenchmarkState.Overdue, step.State(D("2024-03-12")));
    }

    [Fact]
    public void A_completed_step_counts_to_its_completion_whatever_today_is()
    {
        var step = Started("2025-01-02").Done("draft", "2025-01-10").Done("letter", "2025-01-10").Accepted("invite", "water", "2025-01-31")
            .Done("approve", "2025-02-28").Process.Step("approve")!; // 30 days
        Assert.Equal(28, step.ElapsedDays(D("2025-03-01")));
        Assert.Equal(28, step.ElapsedDays(D("2030-01-01")));
        Assert.Equal(BenchmarkState.OnTrack, step.State(D("2030-01-01")));  // 28 of 30 days, but done: on time, no longer at risk
    }

    [Fact]
    public void A_step_activated_and_completed_on_the_same_day_took_zero_days()
    {
        var step = Started("2100-02-28").Done("letter", "2100-02-28").Process.Step("letter")!;
        Assert.Equal(0, step.ElapsedDays(D("2100-03-01")));
        Assert.Equal(BenchmarkState.OnTrack, step.State(D("2100-03-01")));
    }

    [Fact]
    public void A_blocked_step_has_no_elapsed_time_and_no_state()
    {
        var step = Started("2024-12-02").Process.Step("approve")!;
        Assert.Null(step.ElapsedDays(D("2025-01-01")));
        Assert.Null(step.State(D("2025-01-01")));
    }

    [Fact]
    public void A_running_process_counts_from_its_start_to_today()
    {
        var process = Started("2023-12-31").Process;
        Assert.Equal(60, process.ElapsedDays(D("2024-02-29")));
        Assert.Equal(61, process.ElapsedDays(D("2024-03-01")));
    }

    [Fact]
    public void An_established_process_counts_from_its_start_to_the_completion_of_its_last_step()
    {
        var process = Started("2024-01-15").Done("draft", "2024-01-31").Done("letter", "2024-02-05").Done("invite", "2024-02-29")
            .Done("approve", "2024-03-31").Process;
        Assert.Equal(D("2024-02-05"), process.Step("invite")!.ActivatedOn);
        Assert.Equal(D("2024-02-29"), process.Step("approve")!.ActivatedOn);

        Assert.Equal(ProcessStatus.Established, process.Status);
        Assert.Equal(D("2024-03-31"), process.EstablishedOn);
        Assert.Equal(76, process.ElapsedDays(D("2024-03-31")));
        Assert.Equal(76, process.ElapsedDays(D("2026-06-30"))); // no longer grows
    }

    [Fact]
    public void A_cancelled_process_stops_counting_on_its_cancellation_date()
    {
        var process = Started("2024-12-31").Process;
        process.Cancel(new CancelProcess(D("2025-01-31"), "The ministry stopped the procedure"), D("2025-01-31"));
        Assert.Equal(31, process.ElapsedDays(D("2025-06-01")));
    }
}
