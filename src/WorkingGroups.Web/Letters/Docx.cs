using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkingGroups.Core.Letters;
using WorkingGroups.Infrastructure.Letters;

namespace WorkingGroups.Web.Letters;

/// <summary>
/// A letter as a .docx written with the Open XML SDK: A4, Times New Roman 14 pt as official letters are set, each
/// language's text marked with its language (spell-checking, hyphenation) and the second language on a page of its own.
/// </summary>
internal static class Docx
{
    private const string Font = "Times New Roman";
    private const string Size = "28"; // half-points: 14 pt

    public static byte[] Write(Letter letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            for (var i = 0; i < letter.Sections.Count; i++)
            {
                var section = letter.Sections[i];
                foreach (var paragraph in section.Paragraphs) body.Append(Paragraph(paragraph, section.Language));
                if (i < letter.Sections.Count - 1) body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            }
            // A4 with margins of 3 cm left, 1.5 cm right and 2 cm top and bottom (in twentieths of a point).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
            document.PackageProperties.Title = letter.Title;
            document.PackageProperties.Language = letter.Sections[0].Language;
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(LetterParagraph paragraph, string language)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto });
        switch (paragraph.Style)
        {
            case LineStyle.Right:
                properties.Append(new Indentation { Left = "4536" }); // the addressee block on the right half of the page
                break;
            case LineStyle.Heading:
                properties.Append(new Justification { Val = JustificationValues.Center });
                break;
            default:
                properties.Append(new Justification { Val = JustificationValues.Both });
                break;
        }
        // The schema's order: fonts, bold, size, language.
        var run = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (paragraph.Style == LineStyle.Heading) run.Append(new Bold());
        run.Append(new FontSize { Val = Size }, new Languages { Val = language });
        return new Paragraph(properties, new Run(run, new Text(paragraph.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
