using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>
/// Each kind of failure the JSON Schema reports reaches the reader as one sentence at the failing value: file, line
/// and JSON path, what is wrong and what is allowed.
/// </summary>
public sealed class SchemaMistakeTests
{
    private static DefinitionError Single(string from, string to, string lineOf)
    {
        Assert.Contains(from, DefinitionFiles.Valid);
        var text = DefinitionFiles.Valid.Replace(from, to);
        using var files = new DefinitionFiles().Add("xx.v1.json", text);
        var result = files.Load();
        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal("xx.v1.json", error.File);
        Assert.Equal(DefinitionFiles.LineOf(text, lineOf), error.Line);
        return error;
    }

    [Fact]
    public void A_number_out_of_range_says_the_range()
    {
        var error = Single("\"days\": 20,", "\"days\": 4000,", "\"days\": 4000");
        Assert.Equal("$.steps[2].benchmark.days", error.Path);
        Assert.Equal("must be between 1 and 3650, not 4000.", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_what_was_expected_and_found()
    {
        var error = Single("\"roles\": [\"member\"]", "\"roles\": \"member\"", "\"roles\": \"member\"");
        Assert.Equal("$.bodies[1].roles", error.Path);
        Assert.Equal("expected a list but found the text \"member\".", error.Message);
    }

    [Fact]
    public void An_unknown_property_lists_those_allowed_there()
    {
        var error = Single("\"kind\": \"agency\",", "\"kind\": \"agency\", \"colour\": \"red\",", "\"colour\"");
        Assert.Equal("$.bodies[1].colour", error.Path);
        Assert.Equal("unknown property \"colour\" (allowed here: id, name, shortName, kind, roles, language, alsoIn, contact).", error.Message);
    }

    [Fact]
    public void An_unknown_value_lists_the_known_ones()
    {
        var error = Single("\"roles\": [\"member\"]", "\"roles\": [\"member\", \"guest\"]", "\"guest\"");
        Assert.Equal("$.bodies[1].roles[1]", error.Path);
        Assert.Equal("unknown role \"guest\" (expected one of: chair, co-chair, secretary, member, observer).", error.Message);
    }

    [Fact]
    public void An_unknown_language_of_a_text_lists_the_known_ones()
    {
        var error = Single("{ \"en\": \"Water body\",", "{ \"fr\": \"Eau\", \"en\": \"Water body\",", "\"fr\"");
        Assert.Equal("$.bodies[1].name.fr", error.Path);
        Assert.Equal("unknown language \"fr\": the app has texts for en, ru, kk, tg; correct the code, or add Resources/Text/fr.json (docs/guide/languages.md).", error.Message);
    }

    [Fact]
    public void A_pattern_failure_says_what_is_allowed()
    {
        var error = Single("\"id\": \"approve\"", "\"id\": \"Approve Step\"", "\"Approve Step\"");
        Assert.Equal("$.steps[3].id", error.Path);
        Assert.Equal("\"Approve Step\" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter (at most 64).",
            error.Message);
    }

    [Fact]
    public void Blank_text_is_refused()
    {
        var error = Single("\"ru\": \"Водный орган\"", "\"ru\": \"  \"", "\"ru\": \"  \"");
        Assert.Equal("$.bodies[1].name.ru", error.Path);
        Assert.Equal("must not be empty.", error.Message);
    }

    [Fact]
    public void A_country_code_and_an_e_mail_address_are_checked()
    {
        var country = Single("\"country\": \"XX\"", "\"country\": \"Kazakhstan\"", "\"Kazakhstan\"");
        Assert.Equal("$.country", country.Path);
        Assert.Equal("\"Kazakhstan\" is not a two-letter ISO 3166-1 country code in capitals (e.g. KZ).", country.Message);

        var email = Single("\"roles\": [\"member\"] }", "\"roles\": [\"member\"], \"contact\": { \"email\": \"water at example.org\" } }", "water at");
        Assert.Equal("$.bodies[1].contact.email", email.Path);
        Assert.Equal("\"water at example.org\" is not an e-mail address.", email.Message);
    }

    [Fact]
    public void An_empty_list_that_needs_an_element()
    {
        var from = DefinitionFiles.Valid[DefinitionFiles.Valid.IndexOf("\"bodies\": [", StringComparison.Ordinal)..(DefinitionFiles.Valid.IndexOf("\"steps\"", StringComparison.Ordinal))];
        using var files = new DefinitionFiles().Add("xx.v1.json", DefinitionFiles.Valid.Replace(from, "\"bodies\": [],\n  "));
        var errors = files.Load().Errors;
        // The steps' owners and the lead body now name no body: the rules say so too, each at its own line.
        var error = Assert.Single(errors, e => e.Path == "$.bodies");
        Assert.Equal("must list at least 1 item(s).", error.Message);
        Assert.Equal(DefinitionFiles.LineOf(DefinitionFiles.Valid.Replace(from, "\"bodies\": [],\n  "), "\"bodies\": []"), error.Line);
    }

    [Fact]
    public void A_value_listed_twice_points_at_the_second()
    {
        var error = Single("\"after\": [\"draft\", \"letter\"]", "\"after\": [\"draft\", \"letter\",\n        \"draft\"]", "        \"draft\"]");
        Assert.Equal("$.steps[2].after[2]", error.Path);
        Assert.Equal("\"draft\" is listed twice.", error.Message);
    }

    [Fact]
    public void A_rule_between_fields_uses_the_schemas_own_sentence()
    {
        var invitees = Single("\"kind\": \"letter\", \"owner\": \"lead\", \"after\": [],",
            "\"kind\": \"letter\", \"owner\": \"lead\", \"after\": [], \"invitees\": [\"water\"],", "\"invitees\": [\"water\"],");
        Assert.Equal("$.steps[1].invitees", invitees.Path);
        Assert.Equal("lists invitees but is not of kind \"invitations\".", invitees.Message);

        var source = Single("\"benchmark\": { \"days\": 60, \"assumption\": false, \"source\": \"a test\" }",
            "\"benchmark\": { \"days\": 60, \"assumption\": false }", "\"days\": 60");
        Assert.Equal("$.benchmark", source.Path);
        Assert.Equal("a benchmark that is not an assumption must name its \"source\".", source.Message);
    }

    [Fact]
    public void A_value_that_must_be_one_thing()
    {
        var error = Single("\"schemaVersion\": 1", "\"schemaVersion\": 0", "\"schemaVersion\": 0");
        Assert.Equal("$.schemaVersion", error.Path);
        Assert.Equal("must be 1, not 0.", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_object()
    {
        using var files = new DefinitionFiles().Add("xx.v1.json", "\n[1, 2]");
        var error = Assert.Single(files.Load().Errors);
        Assert.Equal(("xx.v1.json", 2, "$"), (error.File, error.Line, error.Path));
        Assert.Equal("expected an object but found a list.", error.Message);
    }

    [Fact]
    public void A_property_twice_in_one_object_is_malformed_at_the_second()
    {
        var error = Single("\"version\": 1,", "\"version\": 1,\n  \"version\": 2,", "\"version\": 2");
        Assert.Equal("$", error.Path);
        Assert.Equal("malformed JSON: the property \"version\" appears twice in one object.", error.Message);
    }

    [Fact]
    public void Every_mistake_of_a_file_is_reported_in_one_pass()
    {
        var text = DefinitionFiles.Valid.Replace("\"days\": 20,", "\"days\": 0,").Replace("\"kind\": \"task\"", "\"kind\": \"chore\"")
            .Replace("\"leadBody\": \"lead\",", "");
        using var files = new DefinitionFiles().Add("xx.v1.json", text);
        var errors = files.Load().Errors.Select(e => $"{e.Line} {e.Path}").Order().ToList();
        Assert.Equal(new[]
        {
            $"{DefinitionFiles.LineOf(text, "\"days\": 0")} $.steps[2].benchmark.days",
            $"{DefinitionFiles.LineOf(text, "\"chore\"")} $.steps[0].kind",
            "1 $.leadBody",
        }.Order(), errors);
    }
}
