using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Web.Localization;

internal static class LocalizationModule
{
    /// <summary>Page texts from Resources/Text/*.json; the language from the remembered choice, else Accept-Language.</summary>
    public static IServiceCollection AddTexts(this IServiceCollection services)
    {
        var catalog = TextCatalog.Default;
        services.Replace(ServiceDescriptor.Singleton(catalog));
        services.AddSingleton<IStringLocalizer, FileStringLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = catalog.Languages.Select(l => new CultureInfo(l)).ToList();
            o.DefaultRequestCulture = new RequestCulture(TextCatalog.Fallback);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UseTexts(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
