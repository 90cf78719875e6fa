using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>The shipped definitions load and say what the source document says.</summary>
public sealed class RepositoryDefinitionsTests
{
    private static readonly DefinitionLoadResult Loaded = DefinitionLoader.LoadFolder(WorkflowsFolder());

    internal static string WorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WorkingGroups.sln"))) return Path.Combine(dir.FullName, "workflows");
        }
        throw new InvalidOperationException("repository root not found");
    }

    private static ProcessDefinition Country(string code) => Assert.Single(Loaded.Definitions, d => d.Country == code && d.Kind == DefinitionKind.Establishment);

    private static double LongestPath(ProcessDefinition d)
    {
        var memo = new Dictionary<string, int>();
        int Finish(StepDefinition s) => memo.TryGetValue(s.Id, out var v) ? v
            : memo[s.Id] = s.Benchmark.Days + s.After.Select(a => Finish(d.FindStep(a)!)).DefaultIfEmpty(0).Max();
        return d.Steps.Max(Finish);
    }

    [Fact]
    public void Every_file_in_workflows_loads_without_error()
    {
        Assert.Empty(Loaded.Errors);
        var files = Directory.GetFiles(WorkflowsFolder(), "*.json").Where(f => !f.EndsWith(".schema.json")).ToList();
        Assert.Equal(files.Count, Loaded.Definitions.Count);
    }

    [Fact]
    public void Every_file_names_the_schema_and_only_example_org_addresses()
    {
        foreach (var file in Directory.GetFiles(WorkflowsFolder(), "*.v*.json"))
        {
            var text = File.ReadAllText(file);
            Assert.Contains("\"$schema\": \"./definition.schema.json\"", text);
            Assert.DoesNotContain("gmail", text, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var body in Loaded.Definitions.SelectMany(d => d.Bodies).Where(b => b.Contact is not null))
        {
            Assert.EndsWith("@example.org", body.Contact!.Email);
        }
    }

    [Fact]
    public void Kazakhstan_follows_the_source()
    {
        var kz = Country("KZ");
        Assert.Equal("isc-mes", kz.LeadBodyId);
        Assert.Equal(120, kz.Benchmark.Days);
        Assert.False(kz.Benchmark.Assumption);
        Assert.Equal(["start-procedure", "draft-order", "letter-to-minister", "invitations", "approve-composition"], kz.Steps.Select(s => s.Id));
        // The source's order is a chain: each step waits for the one before.
        for (var i = 1; i < kz.Steps.Count; i++) Assert.Equal([kz.Steps[i - 1].Id], kz.Steps[i].After);
        Assert.Equal(120, LongestPath(kz));

        Assert.Equal(9, kz.Members.Count());
        Assert.Equal(["isc-mes", "cerc-menr"], kz.Chairs.Select(b => b.Id));
        Assert.Contains(BodyRole.Secretary, kz.FindBody("isc-mes")!.Roles);
        Assert.Equal("Committee on Water Resources of the MENR", kz.FindBody("cwr-menr")!.Name.Get("en"));
        Assert.All(kz.Bodies, b => Assert.Matches("\\p{IsCyrillic}", b.Name.Get("ru")));

        var invitations = kz.FindStep("invitations")!;
        Assert.Equal(StepKind.Invitations, invitations.Kind);
        Assert.Equal(kz.Members.Select(b => b.Id).Where(id => id != "isc-mes").Order(), invitations.Invitees.Order());
        Assert.Contains(kz.FindStep("draft-order")!.Evidence, e => e.Get("en").Contains("provisions", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(kz.FindStep("letter-to-minister")!.Evidence, e => e.Get("en").Contains("letter", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(StepKind.Approval, kz.FindStep("approve-composition")!.Kind);
        Assert.NotEmpty(kz.FindStep("approve-composition")!.Evidence);
        Assert.True(kz.ReminderPolicies.ContainsKey(StepKind.Invitations));
    }

    [Fact]
    public void Tajikistan_follows_the_source()
    {
        var tj = Country("TJ");
        Assert.Equal("ssswim", tj.LeadBodyId);
        Assert.Equal(90, tj.Benchmark.Days);
        Assert.Equal(90, LongestPath(tj));
        Assert.Equal(["unece-letter", "mfa-transmittal", "start-procedure", "request-to-government", "approve-composition"], tj.Steps.Select(s => s.Id));
        Assert.Equal("unece", tj.FindStep("unece-letter")!.OwnerBodyId);
        Assert.Equal(["unece-letter"], tj.FindStep("mfa-transmittal")!.After);
        Assert.Equal("mfa-tj", tj.FindStep("mfa-transmittal")!.OwnerBodyId);
        Assert.Equal(["mfa-transmittal", "start-procedure"], tj.FindStep("request-to-government")!.After);
        Assert.Equal("government-tj", tj.FindStep("approve-composition")!.OwnerBodyId);
        Assert.All(tj.Steps.Where(s => s.Kind is StepKind.Letter or StepKind.Approval), s => Assert.NotEmpty(s.Evidence));

        Assert.Equal(6, tj.Members.Count());
        Assert.Equal(["ssswim"], tj.Chairs.Select(b => b.Id));
        Assert.DoesNotContain(tj.Steps, s => s.Kind == StepKind.Invitations);
    }

    [Fact]
    public void Per_step_benchmarks_are_marked_as_assumptions_with_a_reason()
    {
        foreach (var step in Loaded.Definitions.SelectMany(d => d.Steps))
        {
            Assert.True(step.Benchmark.Assumption, $"{step.Id}: the source gives no per-step duration");
            Assert.False(string.IsNullOrWhiteSpace(step.Benchmark.Note), $"{step.Id}: an assumption says why");
        }
    }

    [Fact]
    public void Both_meet_once_a_year_and_decide_a_work_plan_and_minutes()
    {
        foreach (var d in Loaded.Definitions)
        {
            Assert.Equal([new MeetingCadence(MeetingKind.Annual, 1)], d.Operations.Meetings);
            Assert.Equal([DecisionKind.WorkPlan, DecisionKind.Minutes], d.Operations.Decisions);
        }
    }
}
