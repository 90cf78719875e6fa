namespace WorkingGroups.Core.Definitions;

/// <summary>One version of a country's process, as written in a file of workflows/. Immutable once published.</summary>
public sealed record ProcessDefinition(
    string Id,
    int Version,
    string Country,
    DefinitionKind Kind,
    LocalizedText Title,
    LocalizedText? Description,
    string? Source,
    string LeadBodyId,
    Benchmark Benchmark,
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<StepDefinition> Steps,
    IReadOnlyDictionary<StepKind, ReminderPolicy> ReminderPolicies,
    Operations Operations)
{
    /// <summary>The file it came from (for messages) and a hash of its content (to detect edits of a published version).</summary>
    public string File { get; init; } = "";
    public string ContentHash { get; init; } = "";
    /// <summary>The file's JSON, kept so a version with live processes survives the file's removal.</summary>
    public string Json { get; init; } = "";
    /// <summary>What its benchmarks count: calendar days unless the file says working days.</summary>
    public Calendars.BenchmarkUnit BenchmarkUnit { get; init; } = Calendars.BenchmarkUnit.CalendarDays;
    /// <summary>The group as its founding act names it; null where the file does not say (then the title stands in).</summary>
    public GroupDescription? Group { get; init; }

    /// <summary>How e-mails, the answer page and letters name the group.</summary>
    public LocalizedText GroupName => Group?.Name ?? Title;

    public Body? FindBody(string id) => Bodies.FirstOrDefault(b => b.Id == id);
    public StepDefinition? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);
    public IEnumerable<Body> Chairs => Bodies.Where(b => b.Roles.Contains(BodyRole.Chair) || b.Roles.Contains(BodyRole.CoChair));
    public IEnumerable<Body> Members => Bodies.Where(b => b.Roles.Count > 0);

    /// <summary>The step's own policy, else the definition's policy for its kind, else the default.</summary>
    public ReminderPolicy ReminderPolicyFor(StepDefinition step) =>
        step.Reminders ?? (ReminderPolicies.TryGetValue(step.Kind, out var policy) ? policy : ReminderPolicy.Default);
}

/// <summary>The working group a definition establishes or changes: its name and what it is for.</summary>
public sealed record GroupDescription(LocalizedText Name, LocalizedText? Purpose);

/// <summary>A target duration; <see cref="Assumption"/> says whether the source gave it or we chose it.</summary>
public sealed record Benchmark(int Days, bool Assumption, string? Source, string? Note);

public sealed record Contact(string? Name, string Email);

public sealed record Body(
    string Id,
    LocalizedText Name,
    LocalizedText? ShortName,
    BodyKind Kind,
    IReadOnlyList<BodyRole> Roles,
    string Language,
    Contact? Contact)
{
    /// <summary>
    /// A second language its e-mail and answer page repeat their text in, beneath the first: official correspondence in
    /// Kazakhstan is often in Kazakh and Russian.
    /// </summary>
    public string? AlsoIn { get; init; }

    /// <summary>The languages written to the body, its own first.</summary>
    public IReadOnlyList<string> Languages => AlsoIn is null ? [Language] : [Language, AlsoIn];
}

public sealed record StepDefinition(
    string Id,
    LocalizedText Title,
    LocalizedText? Description,
    StepKind Kind,
    string OwnerBodyId,
    IReadOnlyList<string> After,
    Benchmark Benchmark,
    IReadOnlyList<LocalizedText> Evidence,
    IReadOnlyList<string> Invitees,
    ReminderPolicy? Reminders);

/// <summary>When to remind: first after N days, then every M days, escalate to the chairs after K reminders.</summary>
public sealed record ReminderPolicy(int FirstAfterDays, int EveryDays, int EscalateAfter, bool SkipWeekends)
{
    public static readonly ReminderPolicy Default = new(7, 7, 3, true);
}

public sealed record MeetingCadence(MeetingKind Kind, int PerYear);

public sealed record Operations(IReadOnlyList<MeetingCadence> Meetings, IReadOnlyList<DecisionKind> Decisions);
