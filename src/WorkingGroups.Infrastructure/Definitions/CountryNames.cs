namespace WorkingGroups.Infrastructure.Definitions;

/// <summary>
/// Countries by name for the e-mails («Казахстан», not "KZ"). The names are texts the translators keep with the pages'
/// (Country.XX in the Web project); a host without those texts names a country by its ISO code.
/// </summary>
public interface ICountryNames
{
    /// <summary>The country's name in <paramref name="language"/> ("en", "ru"), else its ISO code.</summary>
    string Of(string code, string language);
}

/// <summary>The names when no texts are loaded: the ISO codes.</summary>
public sealed class CountryCodes : ICountryNames
{
    public string Of(string code, string language) => code;
}

public static class CountryNamesExtensions
{
    /// <summary>The name in two languages, "first / second", or once where they are the same.</summary>
    public static string InBoth(this ICountryNames names, string code, string first, string second) =>
        names.Of(code, first) is var one && names.Of(code, second) is var two && one != two ? $"{one} / {two}" : one;
}
