using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Letters;
using WorkingGroups.UnitTests.Definitions;

namespace WorkingGroups.UnitTests.Letters;

/// <summary>The repository's templates against its definitions: which process gets which letter.</summary>
public sealed class RepositoryTemplatesTests
{
    private static (LetterTemplates Templates, IReadOnlyList<ProcessDefinition> Definitions, List<DefinitionError> Errors) Load(string templatesFolder)
    {
        var definitions = DefinitionLoader.LoadFolder(RepositoryDefinitionsTests.WorkflowsFolder(), DefinitionFiles.Languages).Definitions;
        var errors = new List<DefinitionError>();
        var templates = LetterTemplates.Load(templatesFolder, DefinitionFiles.Languages, errors);
        errors.AddRange(templates.Check(definitions));
        return (templates, definitions, errors);
    }

    [Fact]
    public void An_establishments_letter_is_not_offered_to_an_amendment_with_a_step_of_the_same_name()
    {
        var (templates, definitions, errors) = Load(Path.Combine(RepositoryDefinitionsTests.WorkflowsFolder(), "templates"));
        Assert.Empty(errors);
        string[] Kinds(string id) => templates.For(definitions.Single(d => d.Id == id)).Select(t => t.Kind).Order().ToArray();

        Assert.Equal(["government-request", "invitation", "reminder"], Kinds("tj-establishment"));
        Assert.Equal(["invitation", "reminder"], Kinds("tj-amendment")); // it has a request-to-government step too
        Assert.Equal(["invitation", "minister-letter", "reminder"], Kinds("kz-establishment"));
        Assert.Equal(["invitation", "reminder"], Kinds("kz-amendment"));
    }

    [Fact]
    public void A_letter_naming_a_definition_the_country_does_not_have_is_refused_at_its_line()
    {
        var folder = Directory.CreateTempSubdirectory("wg-templates-").FullName;
        var source = Path.Combine(RepositoryDefinitionsTests.WorkflowsFolder(), "templates");
        foreach (var file in Directory.GetFiles(source, "*.txt", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var minister = Path.Combine(folder, "kz", "minister-letter.txt");
        var text = File.ReadAllText(minister).Replace("definition: kz-establishment", "definition: kz-establishment-v2");
        File.WriteAllText(minister, text);

        var (_, _, errors) = Load(folder);

        Assert.Equal([$"templates/kz/minister-letter.txt:{DefinitionFiles.LineOf(text, "definition:")}: definition: KZ has no definition \"kz-establishment-v2\"."],
            errors.Select(e => e.ToString()));
    }
}
