using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Letters;

namespace WorkingGroups.UnitTests.Letters;

/// <summary>What a coordinator editing a template is told, line by line, and what the app makes of a good one.</summary>
public sealed class LetterTemplateParserTests
{
    private static (LetterTemplate? Template, List<string> Errors) Parse(string kind, string text)
    {
        var errors = new List<DefinitionError>();
        var template = LetterTemplateParser.Parse("kz", kind, $"templates/kz/{kind}.txt", text, ["en", "ru", "kk", "tg"], errors);
        return (template, errors.Select(e => e.ToString()).ToList());
    }

    [Fact]
    public void A_good_template_has_its_header_its_sections_and_its_paragraph_styles()
    {
        var (template, errors) = Parse("minister-letter", "# a comment\nstep: letter-to-minister\nto: mes\n\n[ru]\n\n> {addressee}\n= Заголовок\nДо {deadline}.\n\n[kk]\nМерзімі: {deadline}\n");

        Assert.Empty(errors);
        Assert.Equal(("letter-to-minister", 2, "mes", 3), (template!.StepId, template.StepLine, template.ToBodyId, template.ToLine));
        Assert.Equal(["ru", "kk"], template.Sections.Keys);
        Assert.Equal([LineStyle.Right, LineStyle.Heading, LineStyle.Text], template.Sections["ru"].Select(l => l.Style));
        Assert.Equal(7, template.Sections["ru"][0].Number);
        Assert.Equal("До 01.02.2027.", LetterTemplateParser.Fill(template.Sections["ru"][2].Text, new Dictionary<string, string> { ["deadline"] = "01.02.2027" }));
    }

    [Fact]
    public void Each_mistake_is_reported_with_its_line()
    {
        var (template, errors) = Parse("minister-letter", "step: letter-to-minister\nto: mes\ncolour: red\n[ru]\n{link} до {dedline}\nскобка { без поля\n[xx]\n[ru]\n");

        Assert.Null(template);
        Assert.Contains("templates/kz/minister-letter.txt:3: header: before the first [language] section only \"step: <step id>\", \"to: <body id>\" and \"definition: <definition id>\" are read.", errors);
        Assert.Contains(errors, e => e.StartsWith("templates/kz/minister-letter.txt:5: {link}: unknown field {link}; this letter's fields are {addressee},", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("templates/kz/minister-letter.txt:5: {dedline}: unknown field {dedline}", StringComparison.Ordinal));
        Assert.Contains("templates/kz/minister-letter.txt:6: {: a brace that opens or closes no field; a field is a name in braces, such as {addressee}.", errors);
        Assert.Contains("templates/kz/minister-letter.txt:7: [xx]: \"xx\" is not a language the app has texts for (en, ru, kk, tg).", errors);
        Assert.Contains("templates/kz/minister-letter.txt:8: [ru]: the section [ru] is written twice.", errors);
    }

    [Fact]
    public void A_step_letter_names_its_step_and_addressee_and_an_invitation_names_neither()
    {
        var (_, stepErrors) = Parse("minister-letter", "[ru]\nТекст\n");
        Assert.Contains("templates/kz/minister-letter.txt:1: step: the header names no step: add \"step: <step id>\" (the step the letter belongs to).", stepErrors);
        Assert.Contains("templates/kz/minister-letter.txt:1: to: the header names no addressee: add \"to: <body id>\".", stepErrors);

        var (_, invitationErrors) = Parse("invitation", "to: mes\n[ru]\n{link} до {link_expires}, отправлено {sent_on}\n");
        Assert.Equal(["templates/kz/invitation.txt:1: to: an invitation letter is addressed to the invited body; it names no \"to\"."], invitationErrors);
    }
}
