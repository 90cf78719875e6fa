using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.WebEncoders;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Hosting;

internal static class PagesModule
{
    /// <summary>Razor Pages: processes and groups for signed-in users, admin pages for admins; antiforgery on every form (the default).</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Processes");
                o.Conventions.AuthorizeFolder("/Groups");
                o.Conventions.AuthorizeFolder("/Dashboard");
                o.Conventions.AuthorizeFolder("/Admin", AuthModule.AdminPolicy);
                o.Conventions.AuthorizePage("/Account/Password");
            })
            .AddMvcOptions(o => o.Filters.Add<MustChangePasswordFilter>());
        // Cyrillic as it is, not as &#x...; entities: pages stay readable and a third lighter.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
