using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>One test per kind of mistake: each names the file, the line and says what is wrong.</summary>
public sealed class DefinitionMistakeTests
{
    private static (DefinitionLoadResult Result, string Text) LoadMutated(string from, string to, string file = "xx.v1.json")
    {
        Assert.Contains(from, DefinitionFiles.Valid);
        var text = DefinitionFiles.Valid.Replace(from, to);
        using var files = new DefinitionFiles().Add(file, text);
        return (files.Load(), text);
    }

    private static DefinitionError Single(DefinitionLoadResult result)
    {
        Assert.Empty(result.Definitions);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_valid_sample_loads()
    {
        using var files = new DefinitionFiles().Add("xx.v1.json", DefinitionFiles.Valid);
        var result = files.Load();
        Assert.Empty(result.Errors);
        var definition = Assert.Single(result.Definitions);
        Assert.Equal(["draft", "letter"], definition.FindStep("invite")!.After);
    }

    [Fact]
    public void Malformed_json_names_file_and_line()
    {
        var (result, text) = LoadMutated("\"country\": \"XX\",", "\"country\": \"XX\"");
        var error = Single(result);
        Assert.Equal("xx.v1.json", error.File);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"kind\": \"establishment\""), error.Line);
        Assert.StartsWith("malformed JSON", error.Message);
    }

    [Fact]
    public void Wrong_type_is_a_schema_violation_at_its_line()
    {
        var (result, text) = LoadMutated("\"version\": 1,", "\"version\": \"one\",");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"version\": \"one\""), error.Line);
        Assert.Equal("$.version", error.Path);
        Assert.Contains("expected a whole number", error.Message);
    }

    [Fact]
    public void Missing_required_property_is_named()
    {
        var (result, _) = LoadMutated("\"leadBody\": \"lead\",", "");
        var error = Single(result);
        Assert.Equal("$.leadBody", error.Path);
        Assert.Contains("\"leadBody\" is missing", error.Message);
    }

    [Fact]
    public void Unknown_property_is_refused()
    {
        var (result, text) = LoadMutated("\"kind\": \"letter\",", "\"kind\": \"letter\", \"colour\": \"red\",");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"colour\""), error.Line);
        Assert.Contains("unknown property \"colour\"", error.Message);
    }

    [Fact]
    public void Duplicate_step_id_points_at_the_second()
    {
        var (result, text) = LoadMutated("{ \"id\": \"letter\",", "{ \"id\": \"draft\",");
        Assert.Contains(result.Errors, e => e.Message.Contains("the step id \"draft\" is used twice")
            && e.Line == DefinitionFiles.LineOf(text, "{ \"id\": \"draft\", \"title\": { \"en\": \"Letter\""));
    }

    [Fact]
    public void Duplicate_body_id_is_reported()
    {
        var (result, text) = LoadMutated("{ \"id\": \"water\",", "{ \"id\": \"lead\",");
        Assert.Contains(result.Errors, e => e.Message.Contains("the body id \"lead\" is used twice")
            && e.Line == DefinitionFiles.LineOf(text, "\"en\": \"Water body\""));
    }

    [Fact]
    public void After_naming_an_unknown_step()
    {
        var (result, text) = LoadMutated("\"after\": [\"invite\"]", "\"after\": [\"invitations\"]");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"after\": [\"invitations\"]"), error.Line);
        Assert.Equal("$.steps[3].after[0]", error.Path);
        Assert.Contains("waits for \"invitations\", which is not a step", error.Message);
    }

    [Fact]
    public void A_cycle_names_its_steps()
    {
        var (result, text) = LoadMutated("\"owner\": \"lead\", \"after\": [],\n      \"benchmark\": { \"days\": 10, \"assumption\": true } },\n    { \"id\": \"letter\"",
            "\"owner\": \"lead\", \"after\": [\"approve\"],\n      \"benchmark\": { \"days\": 10, \"assumption\": true } },\n    { \"id\": \"letter\"");
        var error = Single(result);
        Assert.Contains("cycle", error.Message);
        Assert.Contains("\"draft\" -> \"invite\" -> \"approve\" -> \"draft\"", error.Message);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"after\": [\"approve\"]"), error.Line);
    }

    [Fact]
    public void Owner_that_is_not_a_body()
    {
        var (result, text) = LoadMutated("\"owner\": \"gov\"", "\"owner\": \"minister\"");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"owner\": \"minister\""), error.Line);
        Assert.Contains("owned by \"minister\", which is not one of the bodies", error.Message);
    }

    [Fact]
    public void Invitee_that_is_not_a_body()
    {
        var (result, text) = LoadMutated("\"invitees\": [\"water\"]", "\"invitees\": [\"water\", \"health\"]");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"health\""), error.Line);
        Assert.Contains("invites \"health\", which is not one of the bodies", error.Message);
    }

    [Fact]
    public void Missing_title_language()
    {
        var (result, text) = LoadMutated("\"title\": { \"en\": \"Approve\", \"ru\": \"Утвердить\" }", "\"title\": { \"en\": \"Approve\" }");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"title\": { \"en\": \"Approve\" }"), error.Line);
        Assert.Equal("$.steps[3].title", error.Path);
        Assert.Contains("the text in \"ru\" is missing", error.Message);
    }

    [Fact]
    public void Benchmark_days_must_be_positive()
    {
        var (result, text) = LoadMutated("\"benchmark\": { \"days\": 30, \"assumption\": true }", "\"benchmark\": { \"days\": 0, \"assumption\": true }");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"days\": 0"), error.Line);
        Assert.Equal("$.steps[3].benchmark.days", error.Path);
        Assert.Contains("must be a positive whole number, not 0", error.Message);
    }

    [Fact]
    public void Invitations_step_without_invitees()
    {
        var (result, text) = LoadMutated("\"invitees\": [\"water\"]", "\"invitees\": []");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"invitees\": []"), error.Line);
        Assert.Contains("invites nobody", error.Message);
    }

    [Fact]
    public void Unknown_step_kind_lists_the_known_ones()
    {
        var (result, text) = LoadMutated("\"kind\": \"letter\"", "\"kind\": \"telegram\"");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"telegram\""), error.Line);
        Assert.Contains("unknown step kind \"telegram\" (expected one of: task, letter, approval, invitations, milestone)", error.Message);
    }

    [Fact]
    public void Unsupported_schema_version()
    {
        var (result, text) = LoadMutated("\"schemaVersion\": 1", "\"schemaVersion\": 2");
        var error = Single(result);
        Assert.Equal(DefinitionFiles.LineOf(text, "\"schemaVersion\": 2"), error.Line);
        Assert.Contains("schema version 2 is not supported", error.Message);
    }

    [Fact]
    public void Same_id_and_version_with_different_content_in_two_files()
    {
        using var files = new DefinitionFiles()
            .Add("a.json", DefinitionFiles.Valid)
            .Add("b.json", DefinitionFiles.Valid.Replace("\"days\": 60", "\"days\": 61"));
        var error = Assert.Single(files.Load().Errors);
        Assert.Equal("b.json", error.File);
        Assert.Contains("also defined in a.json with different content", error.Message);
    }

    [Fact]
    public void Same_content_twice_is_loaded_once()
    {
        using var files = new DefinitionFiles().Add("a.json", DefinitionFiles.Valid).Add("b.json", DefinitionFiles.Valid.Replace("\n", "\r\n"));
        var result = files.Load();
        Assert.Empty(result.Errors);
        Assert.Single(result.Definitions);
    }

    [Fact]
    public void All_problems_of_all_files_are_reported_at_once()
    {
        using var files = new DefinitionFiles()
            .Add("one.json", DefinitionFiles.Valid.Replace("\"owner\": \"gov\"", "\"owner\": \"nobody\"").Replace("\"days\": 60", "\"days\": -5"))
            .Add("two.json", "{ \"id\": ");
        var errors = files.Load().Errors;
        Assert.Contains(errors, e => e.File == "one.json" && e.Message.Contains("\"nobody\""));
        Assert.Contains(errors, e => e.File == "one.json" && e.Path == "$.benchmark.days");
        Assert.Contains(errors, e => e.File == "two.json" && e.Message.StartsWith("malformed JSON"));
    }

    [Fact]
    public void Error_text_reads_file_line_path_message()
    {
        var error = new DefinitionError("kz.v1.json", 12, "$.steps[1].owner", "step \"x\" is owned by \"y\".");
        Assert.Equal("kz.v1.json:12: $.steps[1].owner: step \"x\" is owned by \"y\".", error.ToString());
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        var (result, _) = LoadMutated("\"source\": \"a test\"", "\"source\": " + deep);
        Assert.StartsWith("malformed JSON", Single(result).Message);
    }
}
