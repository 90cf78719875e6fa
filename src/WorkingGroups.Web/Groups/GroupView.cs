using WorkingGroups.Core.Groups;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Groups;

/// <summary>A group as the API lists it: who founded it and how many member bodies it has today.</summary>
internal sealed record GroupSummaryView(Guid Id, string Country, string Title, Guid EstablishedBy, string DefinitionId, DateOnly EstablishedOn, int Members)
{
    public static GroupSummaryView From(Group g, DateOnly today) =>
        new(g.Id, g.Country, g.Title, g.EstablishedBy, g.DefinitionId, g.EstablishedOn, g.CompositionOn(today).Bodies.Count);
}

/// <summary>A group with its composition today and the whole dated history behind it.</summary>
internal sealed record GroupView(
    Guid Id, string Country, string Title, Guid EstablishedBy, string DefinitionId, int DefinitionVersion, DateOnly EstablishedOn,
    CompositionView Composition, HistoryView History)
{
    public static GroupView From(Group g, DateOnly today) => new(g.Id, g.Country, g.Title, g.EstablishedBy, g.DefinitionId,
        g.DefinitionVersion, g.EstablishedOn, CompositionView.From(g.CompositionOn(today)), HistoryView.From(g));
}

internal sealed record CompositionView(DateOnly AsOf, IReadOnlyList<MemberView> Bodies)
{
    public static CompositionView From(Composition c) => new(c.AsOf, c.Bodies.Select(MemberView.From).ToList());
}

internal sealed record MemberView(string BodyId, IReadOnlyDictionary<string, string> Name, IReadOnlyList<string> Roles, DateOnly MemberSince,
    RepresentativeView? Representative)
{
    public static MemberView From(ComposedBody b) => new(b.BodyId, b.Name.Values, b.Roles.Select(r => ProcessView.Name(r)).ToList(),
        b.MemberSince, b.Representative is { } r ? RepresentativeView.Of(r) : null);
}

internal sealed record RepresentativeView(string BodyId, string Name, string? Position, string? Email, DateOnly From, DateOnly? Until)
{
    public static RepresentativeView Of(Representative r) => new(r.BodyId, r.Name, r.Position, r.Email, r.From, r.Until);
}

/// <summary>Every dated entry, oldest first: <c>until</c> is the first day an entry no longer held (null: holds today).</summary>
internal sealed record HistoryView(IReadOnlyList<MembershipView> Memberships, IReadOnlyList<NameView> Names, IReadOnlyList<RepresentativeView> Representatives)
{
    public static HistoryView From(Group g) => new(
        g.Memberships.Select(m => new MembershipView(m.BodyId, ProcessView.Name(m.Role), m.From, m.Until)).ToList(),
        g.BodyNames.Select(n => new NameView(n.BodyId, n.Name.Values, n.From, n.Until)).ToList(),
        g.Representatives.Select(RepresentativeView.Of).ToList());
}

internal sealed record MembershipView(string BodyId, string Role, DateOnly From, DateOnly? Until);

internal sealed record NameView(string BodyId, IReadOnlyDictionary<string, string> Name, DateOnly From, DateOnly? Until);

/// <summary>An e-mail about the group: what, about which meeting, item or the group itself, when due, and how it went.</summary>
internal sealed record NoticeView(long Id, string Kind, Guid SubjectId, DateOnly DueOn, string Status, int Attempts, string? LastError,
    string? Recipients, string? MessageId, DateTime? SentAt)
{
    public static NoticeView From(GroupNotice n) => new(n.Id, ProcessView.Name(n.Kind), n.SubjectId, n.DueOn, ProcessView.Name(n.Status),
        n.Attempts, n.LastError, n.Recipients, n.MessageId, n.SentAt);
}
