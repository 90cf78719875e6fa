using System.Text.RegularExpressions;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Letters;

/// <summary>Every letter template, by country and kind, read from <c>templates/&lt;country&gt;/&lt;kind&gt;.txt</c>.</summary>
public sealed partial class LetterTemplates(IReadOnlyList<LetterTemplate> all, IReadOnlySet<string>? unreadable = null, bool folderFound = true)
{
    // Files that are there but were refused: already reported, so never reported again as missing.
    private readonly IReadOnlySet<string> _unreadable = unreadable ?? new HashSet<string>();

    // A template is a page or two; anything far larger is a mistake.
    private const long MaxFileBytes = 256 * 1024;

    public IReadOnlyList<LetterTemplate> All => all;

    public LetterTemplate? Find(string country, string kind) =>
        all.FirstOrDefault(t => t.Country == country.ToLowerInvariant() && t.Kind == kind);

    /// <summary>The templates a process of this definition can use: its country's, each step letter only where its step is.</summary>
    public IEnumerable<LetterTemplate> For(ProcessDefinition definition) =>
        all.Where(t => t.Country == definition.Country.ToLowerInvariant()
                       && (t.PerInvitation || (definition.FindStep(t.StepId!) is not null && (t.DefinitionId ?? definition.Id) == definition.Id)));

    /// <summary>
    /// Reads the folder. A missing folder is no letters at all, not a mistake: an installation with definitions of its
    /// own may draft its letters elsewhere. A folder that is there must hold what its definitions need.
    /// </summary>
    public static LetterTemplates Load(string folder, IReadOnlyCollection<string> languages, List<DefinitionError> errors)
    {
        var templates = new List<LetterTemplate>();
        var unreadable = new HashSet<string>();
        if (!Directory.Exists(folder)) return new(templates, folderFound: false);
        foreach (var countryFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var country = Path.GetFileName(countryFolder);
            foreach (var path in Directory.GetFiles(countryFolder, "*.txt").Order(StringComparer.Ordinal))
            {
                var kind = Path.GetFileNameWithoutExtension(path);
                var file = $"templates/{country}/{Path.GetFileName(path)}";
                if (!CountryPattern().IsMatch(country))
                    errors.Add(new(file, 0, "templates", $"\"{country}\" is not a country's folder: name it by the country's code in lower case (kz, tj)."));
                else if (!KindPattern().IsMatch(kind))
                    errors.Add(new(file, 0, "templates", $"\"{kind}\" is not a letter kind: lower-case letters, digits and hyphens, such as minister-letter."));
                else if (new FileInfo(path).Length > MaxFileBytes)
                    errors.Add(new(file, 0, "templates", $"the file is larger than {MaxFileBytes / 1024} KiB; a letter is far smaller."));
                else if (LetterTemplateParser.Parse(country, kind, file, File.ReadAllText(path), languages, errors) is { } template)
                    templates.Add(template);
                else unreadable.Add(file);
            }
        }
        return new(templates, unreadable);
    }

    /// <summary>
    /// What the definitions need of the templates: a country with an invitations step needs the invitation and reminder
    /// letters; a step letter names a step and a body its country's definitions have; and every letter has a section in
    /// each language its addressees are written to.
    /// </summary>
    public IReadOnlyList<DefinitionError> Check(IEnumerable<ProcessDefinition> definitions)
    {
        var errors = new List<DefinitionError>();
        foreach (var definition in definitions)
        {
            var country = definition.Country.ToLowerInvariant();
            var invitees = definition.Steps.Where(s => s.Kind == StepKind.Invitations).SelectMany(s => s.Invitees).Distinct().ToList();
            if (invitees.Count == 0) continue;
            foreach (var kind in new[] { LetterKinds.Invitation, LetterKinds.Reminder })
            {
                if (Find(country, kind) is not { } template)
                {
                    if (!folderFound || _unreadable.Contains($"templates/{country}/{kind}.txt")) continue;
                    errors.Add(new($"templates/{country}/{kind}.txt", 0, "templates",
                        $"missing: {definition.Id} v{definition.Version} has an invitations step, so {definition.Country} needs its {kind} letter."));
                    continue;
                }
                foreach (var bodyId in invitees) CheckLanguages(template, definition, definition.FindBody(bodyId), errors);
            }
        }
        foreach (var template in all.Where(t => !t.PerInvitation))
        {
            var ofCountry = definitions.Where(d => d.Country.Equals(template.Country, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ofCountry.Count == 0) continue; // a country without a definition here: nothing to check it against
            if (template.DefinitionId is { } definitionId && ofCountry.All(d => d.Id != definitionId))
            {
                errors.Add(new(template.File, template.DefinitionLine, "definition", $"{template.Country.ToUpperInvariant()} has no definition \"{definitionId}\"."));
                continue;
            }
            var withStep = ofCountry.Where(d => d.FindStep(template.StepId!) is not null && (template.DefinitionId ?? d.Id) == d.Id).ToList();
            if (withStep.Count == 0)
            {
                errors.Add(new(template.File, template.StepLine, "step",
                    $"no definition of {template.Country.ToUpperInvariant()}{(template.DefinitionId is { } id ? $" named \"{id}\"" : "")} has a step \"{template.StepId}\"."));
                continue;
            }
            foreach (var definition in withStep)
            {
                if (definition.FindBody(template.ToBodyId!) is not { } to)
                    errors.Add(new(template.File, template.ToLine, "to", $"{definition.Id} v{definition.Version} has no body \"{template.ToBodyId}\"."));
                else CheckLanguages(template, definition, to, errors);
            }
        }
        return errors.Distinct().ToList();
    }

    private static void CheckLanguages(LetterTemplate template, ProcessDefinition definition, Body? body, List<DefinitionError> errors)
    {
        if (body is null) return;
        foreach (var language in body.Languages.Where(l => !template.Sections.ContainsKey(l)))
            errors.Add(new(template.File, 0, $"[{language}]",
                $"no [{language}] section, and {definition.Id} v{definition.Version} writes to \"{body.Id}\" in {language}."));
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex KindPattern();
}
