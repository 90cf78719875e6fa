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
    private static readonly ProcessDefinition Definition = LoadSmallDefinition();

    private static ProcessDefinition LoadSmallDefinition()
    {
        using var files = new DefinitionFiles().Add("xx.json", DefinitionFiles.Valid);
        var result = files.Load();
        Assert.Empty(result.Errors);
        return Assert.Single(result.Definitions);
    }

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static Process NewProcess(string startedOn) => new()
    {
        DefinitionId = Definition.Id,
        Country = Definition.Country,
        Title = "Test",
        CreatedBy = "tests",
        StartedOn = D(startedOn),
        BenchmarkDays = Definition.Benchmark.Days,
        Steps = Definition.Steps.Select((s, i) => new ProcessStep { StepId = s.Id, Order = i, BenchmarkDays = s.Benchmark.Days }).ToList(),
    };

    private static void Done(Process process, string stepId, string activatedOn, string completedOn)
    {
        var step = process.Step(stepId)!;
        step.Status = StepStatus.Done;
        step.ActivatedOn = D(activatedOn);
        step.CompletedOn = D(completedOn);
    }

    [Fact]
    public void A_first_step_is_activated_on_the_process_start()
    {
        var process = NewProcess("2024-02-29");
        Assert.Equal(D("2024-02-29"), process.ActivationDate(Definition.FindStep("draft")!));
    }

    [Fact]
    public void A_join_is_activated_on_the_latest_completion_among_its_prerequisites()
    {
        var process = NewProcess("2024-02-01");
        Done(process, "draft", "2024-02-01", "2024-02-29");
        Done(process, "letter", "2024-02-01", "2024-02-10");
        var invite = Definition.FindStep("invite")!;
        Assert.True(process.PrerequisitesDone(invite));
        Assert.Equal(D("2024-02-29"), process.ActivationDate(invite));
    }

    [Fact]
    public void A_join_is_not_ready_while_one_prerequisite_is_open()
    {
        var process = NewProcess("2024-02-01");
        Done(process, "draft", "2024-02-01", "2024-02-29");
        Assert.False(process.PrerequisitesDone(Definition.FindStep("invite")!));
    }

    [Fact]
    public void An_active_step_counts_to_today_and_its_state_moves_with_today()
    {
        var step = new ProcessStep { StepId = "invite", Status = StepStatus.Active, ActivatedOn = D("2024-02-20"), BenchmarkDays = 20 };
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
        var step = new ProcessStep { StepId = "draft", Status = StepStatus.Done, ActivatedOn = D("2025-01-31"), CompletedOn = D("2025-02-28"), BenchmarkDays = 30 };
        Assert.Equal(28, step.ElapsedDays(D("2025-03-01")));
        Assert.Equal(28, step.ElapsedDays(D("2030-01-01")));
        Assert.Equal(BenchmarkState.OnTrack, step.State(D("2030-01-01")));  // 28 of 30 days, but done: on time, no longer at risk
    }

    [Fact]
    public void A_step_activated_and_completed_on_the_same_day_took_zero_days()
    {
        var step = new ProcessStep { StepId = "letter", Status = StepStatus.Done, ActivatedOn = D("2100-02-28"), CompletedOn = D("2100-02-28"), BenchmarkDays = 10 };
        Assert.Equal(0, step.ElapsedDays(D("2100-03-01")));
        Assert.Equal(BenchmarkState.OnTrack, step.State(D("2100-03-01")));
    }

    [Fact]
    public void A_blocked_step_has_no_elapsed_time_and_no_state()
    {
        var step = new ProcessStep { StepId = "approve", Status = StepStatus.Blocked, BenchmarkDays = 30 };
        Assert.Null(step.ElapsedDays(D("2025-01-01")));
        Assert.Null(step.State(D("2025-01-01")));
    }

    [Fact]
    public void A_running_process_counts_from_its_start_to_today()
    {
        var process = NewProcess("2023-12-31");
        Assert.Equal(60, process.ElapsedDays(D("2024-02-29")));
        Assert.Equal(61, process.ElapsedDays(D("2024-03-01")));
    }

    [Fact]
    public void An_established_process_counts_from_its_start_to_the_completion_of_its_last_step()
    {
        var process = NewProcess("2024-01-15");
        Done(process, "draft", "2024-01-15", "2024-01-31");
        Done(process, "letter", "2024-01-15", "2024-02-05");
        Done(process, "invite", "2024-02-05", "2024-02-29");
        Done(process, "approve", "2024-02-29", "2024-03-31");
        process.Status = ProcessStatus.Established;
        process.EstablishedOn = process.Steps.Max(s => s.CompletedOn);

        Assert.Equal(D("2024-03-31"), process.EstablishedOn);
        Assert.Equal(76, process.ElapsedDays(D("2024-03-31")));
        Assert.Equal(76, process.ElapsedDays(D("2026-06-30"))); // no longer grows
    }

    [Fact]
    public void A_cancelled_process_stops_counting_on_its_cancellation_date()
    {
        var process = NewProcess("2024-12-31");
        process.Status = ProcessStatus.Cancelled;
        process.CancelledOn = D("2025-01-31");
        Assert.Equal(31, process.ElapsedDays(D("2025-06-01")));
    }

    [Fact]
    public void The_engine_has_settled_only_when_every_step_that_can_open_is_open()
    {
        var process = NewProcess("2024-02-01");
        process.Step("draft")!.Status = StepStatus.Active;
        process.Step("letter")!.Status = StepStatus.Active;
        Assert.True(ProcessRules.IsSettled(process, Definition));

        Done(process, "draft", "2024-02-01", "2024-02-10");
        Done(process, "letter", "2024-02-01", "2024-02-12");
        Assert.False(ProcessRules.IsSettled(process, Definition)); // invite can open but has not yet
        process.Step("invite")!.Status = StepStatus.Active;
        Assert.True(ProcessRules.IsSettled(process, Definition));
    }
}
