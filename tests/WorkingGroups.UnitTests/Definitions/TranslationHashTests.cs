using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>A translation added to a published version is not an edit of it; a change to its English or Russian is.</summary>
public sealed class TranslationHashTests
{
    [Fact]
    public void Kazakh_and_tajik_texts_leave_the_content_hash_as_it_was_and_a_russian_change_does_not()
    {
        var original = Hash(DefinitionFiles.Valid);
        var translated = Hash(DefinitionFiles.Valid.Replace("\"ru\": \"Тестовая группа\" }", "\"ru\": \"Тестовая группа\", \"kk\": \"Сынақ тобы\", \"tg\": \"Гурӯҳи озмоишӣ\" }"));
        var edited = Hash(DefinitionFiles.Valid.Replace("Тестовая группа", "Другая группа"));
        Assert.Equal(original, translated);
        Assert.NotEqual(original, edited);
    }

    private static string Hash(string json)
    {
        using var files = new DefinitionFiles().Add("xx-establishment.v1.json", json);
        var loaded = files.Load();
        Assert.Empty(loaded.Errors);
        return loaded.Definitions.Single().ContentHash;
    }
}
