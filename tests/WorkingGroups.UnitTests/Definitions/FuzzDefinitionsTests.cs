using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>
/// Hundreds of broken variants of the shipped definitions (fixed seed, so a failure can be replayed): the loader
/// answers each with errors or a sound definition; it never throws and never hangs.
/// </summary>
public sealed class FuzzDefinitionsTests
{
    private const int Seed = 20261124;
    private const int MutationsPerFile = 300;

    // Generous: a load takes milliseconds; this only catches a hang (a loop that never ends), it is not a timing test.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryDefinitionsTests.WorkflowsFolder(), "*.json")
                     .Where(f => !f.EndsWith(DefinitionLoader.SchemaFileSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public async Task Mutated_definitions_give_errors_or_a_sound_definition_never_an_exception(string fileName)
    {
        var valid = File.ReadAllText(Path.Combine(RepositoryDefinitionsTests.WorkflowsFolder(), fileName));
        var mutator = new FuzzMutator(Seed + fileName.Length);
        using var files = new DefinitionFiles();
        var refused = 0;
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var (text, what) = mutator.Mutate(valid);
            files.Add(fileName, text);
            DefinitionLoadResult result;
            try
            {
                result = await Task.Run(files.Load).WaitAsync(HangLimit);
            }
            catch (Exception ex) when (ex is not TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"mutation {i} ({what}) made the loader throw: {ex}");
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"mutation {i} ({what}) made the loader hang for {HangLimit}");
            }

            if (result.Errors.Count > 0)
            {
                refused++;
                Assert.DoesNotContain(result.Definitions, d => d.File == fileName);
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message), $"mutation {i} ({what}): an error without a message"));
            }
            else
            {
                AssertSound(Assert.Single(result.Definitions), $"mutation {i} ({what})");
            }
        }
        // Most mutations must break the file; if none did, the mutator is not mutating.
        Assert.True(refused > MutationsPerFile / 2, $"only {refused} of {MutationsPerFile} mutations were refused");
    }

    /// <summary>What the engine relies on: unique step ids, prerequisites that exist, no loop, owners that exist.</summary>
    private static void AssertSound(ProcessDefinition definition, string what)
    {
        var ids = definition.Steps.Select(s => s.Id).ToList();
        Assert.True(ids.Count == ids.Distinct().Count(), $"{what}: duplicate step ids accepted");
        Assert.All(definition.Steps, s =>
        {
            Assert.True(s.After.All(ids.Contains), $"{what}: step {s.Id} waits for an unknown step");
            Assert.True(definition.FindBody(s.OwnerBodyId) is not null, $"{what}: step {s.Id} has an unknown owner");
        });
        var done = new HashSet<string>();
        while (done.Count < ids.Count)
        {
            var ready = definition.Steps.Where(s => !done.Contains(s.Id) && s.After.All(done.Contains)).ToList();
            Assert.True(ready.Count > 0, $"{what}: a loop between steps was accepted");
            foreach (var s in ready) done.Add(s.Id);
        }
    }
}
