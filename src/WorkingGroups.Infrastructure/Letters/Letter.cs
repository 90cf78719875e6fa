using WorkingGroups.Core.Letters;

namespace WorkingGroups.Infrastructure.Letters;

public sealed record LetterParagraph(LineStyle Style, string Text);

/// <summary>The whole letter in one language; a bilingual letter has two, the body's own language first.</summary>
public sealed record LetterSection(string Language, IReadOnlyList<LetterParagraph> Paragraphs);

/// <summary>A letter drafted for signature, ready to be written as a document.</summary>
public sealed record Letter(string FileName, string Title, IReadOnlyList<LetterSection> Sections);
