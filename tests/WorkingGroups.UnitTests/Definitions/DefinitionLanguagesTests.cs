using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>A definition writes in the languages the app has text files for: adding Uzbek is adding uz.json, no code.</summary>
public sealed class DefinitionLanguagesTests
{
    private static readonly string Uzbek = DefinitionFiles.Valid
        .Replace("\"ru\": \"Тестовая группа\" }", "\"ru\": \"Тестовая группа\", \"uz\": \"Sinov guruhi\" }")
        .Replace("\"roles\": [\"chair\", \"member\"] }", "\"roles\": [\"chair\", \"member\"], \"language\": \"uz\", \"alsoIn\": \"ru\" }");

    [Fact]
    public void Uzbek_texts_and_an_uzbek_body_load_once_the_app_has_uzbek_texts()
    {
        Assert.NotEqual(DefinitionFiles.Valid, Uzbek);
        using var files = new DefinitionFiles().Add("xx.v1.json", Uzbek);
        var loaded = DefinitionLoader.LoadFolder(files.Folder, [.. DefinitionFiles.Languages, "uz"]);
        Assert.Empty(loaded.Errors);
        var definition = Assert.Single(loaded.Definitions);
        Assert.Equal("Sinov guruhi", definition.Title.Get("uz"));
        Assert.Equal(["uz", "ru"], definition.FindBody("lead")!.Languages);
    }

    [Fact]
    public void Without_uzbek_texts_each_place_naming_uzbek_is_refused_with_its_line()
    {
        using var files = new DefinitionFiles().Add("xx.v1.json", Uzbek);
        var errors = files.Load().Errors;
        Assert.Equal(["$.title.uz", "$.bodies[0].language"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.StartsWith("unknown language \"uz\": the app has texts for en, ru, kk, tg;", e.Message));
        Assert.Equal(DefinitionFiles.LineOf(Uzbek, "Sinov guruhi"), errors[0].Line);
    }
}
