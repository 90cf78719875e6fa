using WorkingGroups.Infrastructure.Definitions;

namespace WorkingGroups.Web.Localization;

/// <summary>The e-mails' country names from the page texts (Country.XX), as the pages name them.</summary>
public sealed class TextCountryNames(TextCatalog catalog) : ICountryNames
{
    public string Of(string code, string language) => catalog.Find(language, $"Country.{code}") ?? code;
}
