using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Web.Definitions;

/// <summary>A definition as the API shows it: kinds and roles as their file spellings, texts per language.</summary>
internal sealed record DefinitionView(
    string Id,
    int Version,
    string Country,
    string Kind,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string>? Description,
    string? Source,
    string LeadBody,
    int BenchmarkDays,
    BenchmarkView Benchmark,
    IReadOnlyList<BodyView> Bodies,
    IReadOnlyList<StepView> Steps,
    OperationsView Operations)
{
    public static DefinitionView From(ProcessDefinition d) => new(
        d.Id, d.Version, d.Country, KindNames.Of(d.Kind), d.Title.Values, d.Description?.Values, d.Source, d.LeadBodyId,
        d.Benchmark.Days, BenchmarkView.From(d.Benchmark),
        d.Bodies.Select(BodyView.From).ToList(),
        d.Steps.Select(StepView.From).ToList(),
        new OperationsView(
            d.Operations.Meetings.Select(m => new MeetingView(KindNames.Of(m.Kind), m.PerYear)).ToList(),
            d.Operations.Decisions.Select(x => KindNames.Of(x)).ToList()));
}

internal sealed record BenchmarkView(int Days, bool Assumption, string? Source, string? Note)
{
    public static BenchmarkView From(Benchmark b) => new(b.Days, b.Assumption, b.Source, b.Note);
}

/// <summary>A body without its contact: reading definitions needs no sign-in, and contacts are for reminders only.</summary>
internal sealed record BodyView(string Id, IReadOnlyDictionary<string, string> Name, IReadOnlyDictionary<string, string>? ShortName,
    string Kind, IReadOnlyList<string> Roles, string Language)
{
    public static BodyView From(Body b) => new(b.Id, b.Name.Values, b.ShortName?.Values, KindNames.Of(b.Kind),
        b.Roles.Select(r => KindNames.Of(r)).ToList(), b.Language);
}

internal sealed record StepView(string Id, IReadOnlyDictionary<string, string> Title, IReadOnlyDictionary<string, string>? Description,
    string Kind, string Owner, IReadOnlyList<string> After, int BenchmarkDays, BenchmarkView Benchmark,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Evidence, IReadOnlyList<string> Invitees)
{
    public static StepView From(StepDefinition s) => new(s.Id, s.Title.Values, s.Description?.Values, KindNames.Of(s.Kind),
        s.OwnerBodyId, s.After, s.Benchmark.Days, BenchmarkView.From(s.Benchmark), s.Evidence.Select(e => e.Values).ToList(), s.Invitees);
}

internal sealed record MeetingView(string Kind, int PerYear);

internal sealed record OperationsView(IReadOnlyList<MeetingView> Meetings, IReadOnlyList<string> Decisions);
