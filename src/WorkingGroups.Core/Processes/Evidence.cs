namespace WorkingGroups.Core.Processes;

/// <summary>A document that proves a step: a letter, an order, a decree, as numbered in the national document system.</summary>
public sealed record Evidence(string Title, string? Number, DateOnly? Date);

/// <summary>The representative a body nominates when it accepts.</summary>
public sealed record Nominee(string Name, string? Position, string? Email)
{
    /// <summary>On one line, as pages and e-mails show it: "name, position &lt;e-mail&gt;".</summary>
    public string Line() => Name + (Position is null ? "" : $", {Position}") + (Email is null ? "" : $" <{Email}>");
}
