using System.Globalization;
using Microsoft.Extensions.Localization;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Web.Localization;

/// <summary>An <see cref="IStringLocalizer"/> over the <see cref="TextCatalog"/>, in the request's UI language.</summary>
internal sealed class FileStringLocalizer(TextCatalog catalog) : IStringLocalizer
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public LocalizedString this[string name] =>
        catalog.Find(Language, name) is { } text ? new LocalizedString(name, text) : new LocalizedString(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Texts(Language).Select(t => new LocalizedString(t.Key, t.Value));
}
