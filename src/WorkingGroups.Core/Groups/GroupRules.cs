using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>The input rules of group changes, refused with the same coded messages as process changes.</summary>
public static class GroupRules
{
    /// <summary>A date a change took effect: never in the future, never before the group existed.</summary>
    public static void EffectiveDate(string field, DateOnly date, DateOnly today, Group group)
    {
        if (date > today) throw DomainRuleException.Invalid(field, "date-in-future", field, date, today);
        if (date < group.EstablishedOn) throw DomainRuleException.Invalid(field, "date-before-establishment", field, date, group.EstablishedOn);
    }

    /// <summary>A body's name: English and Russian required, each a short text, in languages the app has texts for.</summary>
    public static void Name(string field, LocalizedText name, IReadOnlyCollection<string> languages)
    {
        foreach (var language in LocalizedText.RequiredLanguages)
            ProcessRules.Text($"{field}.{language}", name.Values.GetValueOrDefault(language), ProcessRules.MaxText, required: true);
        foreach (var (language, text) in name.Values)
        {
            if (!languages.Contains(language)) throw DomainRuleException.Invalid($"{field}.{language}", "unknown-language", language, string.Join(", ", languages));
            ProcessRules.Text($"{field}.{language}", text, ProcessRules.MaxText);
        }
    }
}
