using System.Globalization;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Web.Localization;

namespace WorkingGroups.Web.Pages.Processes;

/// <summary>
/// Which form of a page was posted, what was typed into it, and the errors to show next to its fields. Errors are
/// keyed by the same field names as the API's ("completedOn", "nominee.email"), because the same rules produce them.
/// </summary>
internal sealed class FormState
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);

    public string? Posted { get; set; }
    public string? General { get; private set; }

    public bool Is(string form) => Posted == form;

    public string? ErrorFor(string form, string field) => Is(form) && _errors.TryGetValue(field, out var e) ? e : null;

    public string? GeneralFor(string form) => Is(form) ? General : null;

    public bool HasErrors => General is not null || _errors.Count > 0;

    public void Add(string field, string message) => _errors.TryAdd(field, message);

    /// <summary>A rule's refusal: next to its field when it names one, else above the form.</summary>
    public void Add(DomainRuleException error, IStringLocalizer t, ProcessDefinition? definition)
    {
        var message = t.Rule(error, definition);
        if (error.Kind == RuleKind.Invalid && error.Field is not null) Add(error.Field, message);
        else General = message;
    }

    /// <summary>A date typed into a form: yyyy-MM-dd (what date inputs send) or dd.MM.yyyy (as Russian readers write it).</summary>
    public DateOnly? Date(string field, string? text, IStringLocalizer t, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Add(field, t["Form.DateRequired"]);
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Add(field, t["Form.NotADate", text]);
        return null;
    }
}
