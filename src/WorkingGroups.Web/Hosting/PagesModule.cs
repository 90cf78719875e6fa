using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.WebEncoders;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Hosting;

public static class PagesModule
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

public static class StatusPagesModule
{
    /// <summary>Error statuses without a body: problem details for the API, a readable page in the reader's language elsewhere.</summary>
    public static WebApplication UseStatusPages(this WebApplication app)
    {
        static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi");
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        return app;
    }
}

/// <summary>A user signed in with a printed one-time password sees only the page that changes it.</summary>
internal sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        if (context.HttpContext.User.HasClaim(c => c.Type == AppClaims.MustChangePassword)
            && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/culture"))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/password");
            return;
        }
        await next();
    }
}
