using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using WorkingGroups.Infrastructure.Definitions;

namespace WorkingGroups.Web.Localization;

public static class LocalizationModule
{
    /// <summary>Page texts from Resources/Text/*.json; the language from the remembered choice, else Accept-Language.</summary>
    public static IServiceCollection AddTexts(this IServiceCollection services)
    {
        var catalog = new TextCatalog(Path.Combine(AppContext.BaseDirectory, "Resources", "Text"));
        services.AddSingleton(catalog);
        services.AddSingleton<IStringLocalizer, FileStringLocalizer>();
        services.Replace(ServiceDescriptor.Singleton<ICountryNames>(new TextCountryNames(catalog)));
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
