using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>
/// Every installation has published the shipped versions with these hashes: a change to a file that alters its hash
/// stops each of them at start-up ("published with different content"). Texts (translations, the group's name) may be
/// added; anything a process relies on needs a new version number.
/// </summary>
public sealed class PublishedHashTests
{
    private static readonly Dictionary<string, string> Published = new()
    {
        ["kz-establishment v1"] = "1f39386f112d98624fe904ff86acc285019325e43ff3933ece124edca9cbd350",
        ["kz-amendment v1"] = "1de9159ab6dd380ad455e8b29ed66e0a968650212789b4adb09074dccb1bb793",
        ["tj-establishment v1"] = "658fe73bbcdb129c73f8d0bf4a158fe1b5afbc8068e929ca9e402cea1519b4df",
        ["tj-amendment v1"] = "d8d5226b2a52f840f4371f01b14cef86205acd8d771f2a2d0865447bdf8469af",
    };

    [Fact]
    public void The_shipped_versions_keep_the_hash_they_were_published_with()
    {
        var loaded = DefinitionLoader.LoadFolder(RepositoryDefinitionsTests.WorkflowsFolder());
        Assert.Empty(loaded.Errors);
        var actual = loaded.Definitions.Where(d => Published.ContainsKey($"{d.Id} v{d.Version}")).ToDictionary(d => $"{d.Id} v{d.Version}", d => d.ContentHash);
        Assert.Equal(Published.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }
}
