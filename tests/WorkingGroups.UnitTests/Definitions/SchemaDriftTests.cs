using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>
/// The schema and the loader cannot drift apart: the loader judges by the repository's schema file, every shipped
/// definition satisfies that file on its own, every object refuses a field the schema lacks, and every field of the
/// model is read from a file the schema accepts.
/// </summary>
public sealed class SchemaDriftTests
{
    private static string SchemaFile => Path.Combine(RepositoryDefinitionsTests.WorkflowsFolder(), "definition.schema.json");

    public static TheoryData<string> DefinitionFilesOfTheRepository()
    {
        var root = Path.GetDirectoryName(RepositoryDefinitionsTests.WorkflowsFolder())!;
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "workflows"), "*.v*.json").Concat(Directory.GetFiles(Path.Combine(root, "samples"), "*.v*.json")).Order())
        {
            data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Fact]
    public void The_loader_judges_by_the_schema_file_in_workflows()
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(SchemaFile)), JsonNode.Parse(DefinitionSchema.Document.GetRawText())));
    }

    [Theory]
    [MemberData(nameof(DefinitionFilesOfTheRepository))]
    public void Every_definition_of_the_repository_satisfies_the_schema_file_alone(string relative)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaFile));
        using var definition = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepositoryDefinitionsTests.WorkflowsFolder())!, relative)));
        var results = schema.Evaluate(definition.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void Every_object_of_a_definition_refuses_a_field_the_schema_lacks()
    {
        var kz = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryDefinitionsTests.WorkflowsFolder(), "kz-establishment.v1.json")))!;
        var objects = Walk(kz).OfType<JsonObject>().ToList();
        Assert.True(objects.Count > 50);
        foreach (var target in objects)
        {
            var path = target.GetPath();
            target["colour"] = "red";
            using var files = new DefinitionFiles().Add("kz.json", kz.ToJsonString());
            var errors = files.Load().Errors;
            Assert.True(errors.Any(e => e.Path == path + ".colour" && e.Message.StartsWith("unknown ", StringComparison.Ordinal) && e.Line > 0),
                $"{path}: {string.Join(" | ", errors)}");
            target.Remove("colour");
        }
    }

    [Fact]
    public void Every_field_of_the_model_is_read_from_a_file_the_schema_accepts()
    {
        // The shipped files give every field but a step's own reminder policy: add one.
        var kz = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryDefinitionsTests.WorkflowsFolder(), "kz-establishment.v1.json")))!;
        kz["steps"]![0]!["reminders"] = new JsonObject { ["firstAfterDays"] = 3 };
        using var files = new DefinitionFiles().Add("kz-establishment.v1.json", kz.ToJsonString());
        foreach (var file in Directory.GetFiles(RepositoryDefinitionsTests.WorkflowsFolder(), "*.v*.json").Where(f => !f.EndsWith("kz-establishment.v1.json")))
        {
            files.Add(Path.GetFileName(file), File.ReadAllText(file));
        }
        var loaded = files.Load();
        Assert.Empty(loaded.Errors);

        var seen = new HashSet<string>();
        var all = new HashSet<string>();
        foreach (var definition in loaded.Definitions) Visit(definition, seen, all);
        Assert.Empty(all.Except(seen));
    }

    /// <summary>Every property of the model's types that ever holds something (a value type always counts).</summary>
    private static void Visit(object value, HashSet<string> seen, HashSet<string> all)
    {
        var type = value.GetType();
        if (type.Namespace != typeof(ProcessDefinition).Namespace || type.IsEnum) return;
        foreach (var property in type.GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = $"{type.Name}.{property.Name}";
            all.Add(name);
            var held = property.GetValue(value);
            if (held is null || held is string { Length: 0 } || held is ICollection { Count: 0 }) continue;
            seen.Add(name);
            var children = held is IDictionary dictionary ? dictionary.Values.Cast<object>() : held is IEnumerable e and not string ? e.Cast<object>() : [held];
            foreach (var child in children) Visit(child, seen, all);
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Walk(p.Value)).Prepend(obj),
        JsonArray array => array.SelectMany(i => i is null ? [] : Walk(i)),
        _ => [],
    };
}
