using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Localization;
using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;

namespace WorkingGroups.Web.Localization;

/// <summary>Dates, names from definitions, statuses and rule messages, in the reader's language.</summary>
internal static class TextFormatting
{
    /// <summary>The date as the language writes it (dd.MM.yyyy in Russian); the pattern is a text translators set.</summary>
    public static string Date(this IStringLocalizer t, DateOnly? date) =>
        date?.ToString(t["Format.Date"].Value, CultureInfo.InvariantCulture) ?? "";

    public static string Date(this IStringLocalizer t, DateTime at) =>
        at.ToString(t["Format.DateTime"].Value, CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A name from a definition in the reader's language, else in the languages it falls back to (kk: ru, en).</summary>
    public static string Name(this LocalizedText text)
    {
        foreach (var language in TextCatalog.Default.Chain(FileStringLocalizer.Language))
            if (text.Values.TryGetValue(language, out var value)) return value;
        return text.Get(TextCatalog.Fallback);
    }

    /// <summary>An enum value through the key "Enum.Type.Value".</summary>
    public static string Of<T>(this IStringLocalizer t, T value) where T : struct, Enum => t[$"Enum.{typeof(T).Name}.{value}"];

    public static string Days(this IStringLocalizer t, int days) => t["Format.Days", days];

    /// <summary>A country by its name in the reader's language (the text "Country.KZ"), else by its ISO code.</summary>
    public static string Country(this IStringLocalizer t, string code) =>
        t[$"Country.{code}"] is { ResourceNotFound: false } name ? name.Value : code;

    /// <summary>A document on one line: "Order № 17-ab, 05.09.2025".</summary>
    public static string Document(this IStringLocalizer t, Evidence e) =>
        e.Title + (e.Number is null ? "" : $" № {e.Number}") + (e.Date is null ? "" : $", {t.Date(e.Date)}");

    /// <summary>A rule's message in the reader's language, naming steps and bodies by their titles.</summary>
    public static string Rule(this IStringLocalizer t, DomainRuleException error, ProcessDefinition? definition)
    {
        var template = t[$"Rule.{error.Code}"];
        if (template.ResourceNotFound) return error.Detail;
        var args = error.Args.Select(a => Format(t, a, definition)).ToArray<object?>();
        return string.Format(CultureInfo.CurrentCulture, template.Value, args);
    }

    private static string Format(IStringLocalizer t, object? arg, ProcessDefinition? definition) => arg switch
    {
        null => "",
        DateOnly d => t.Date(d),
        StepRef s => "«" + (definition?.FindStep(s.Id)?.Title.Name() ?? s.Id) + "»",
        BodyRef b => "«" + (definition?.FindBody(b.Id)?.Name.Name() ?? b.Id) + "»",
        ProcessStatus p => t.Of(p),
        InvitationStatus i => t.Of(i),
        ReminderKind k => t.Of(k),
        string s => s,
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(x => Format(t, x, definition))),
        _ => Convert.ToString(arg, CultureInfo.CurrentCulture) ?? "",
    };
}
