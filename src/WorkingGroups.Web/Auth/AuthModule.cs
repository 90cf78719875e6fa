using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Settings;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Auth;

internal static class AuthModule
{
    private const string Smart = "CookieOrBearer";
    public const string AdminPolicy = "Admin";

    /// <summary>
    /// People sign in with the Identity cookie, scripts send a bearer token; one policy scheme picks by the header.
    /// The API answers 401/403 as problem details instead of redirecting to a sign-in page.
    /// </summary>
    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddIdentityStore();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
                o.DefaultForbidScheme = Smart;
            })
            .AddPolicyScheme(Smart, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith(BearerTokenHandler.SchemeName + " ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "wg.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = context => context.HttpContext.IsApi()
                ? Unauthorized(context.HttpContext)
                : Redirect(context);
            o.Events.OnRedirectToAccessDenied = context => context.HttpContext.IsApi()
                ? Problems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this.")
                : Redirect(context);
        });
        // A signed-in browser rechecks its account this often (default 30 minutes): locking a user, changing their role
        // or password changes the account's security stamp, and the next recheck signs that session out.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, configuration) =>
            o.ValidationInterval = SettingsReader.Use(configuration, SessionCheck));
        services.AddAuthorization(o => o.AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin)));
        return services;
    }

    public static TimeSpan SessionCheck(SettingsReader read) =>
        read.Duration("Auth:SessionCheck", TimeSpan.FromMinutes(1), TimeSpan.Zero, TimeSpan.FromDays(1));

    public static WebApplication UseAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static Task Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = BearerTokenHandler.SchemeName;
        return Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized",
            "Sign in, or send Authorization: Bearer <token> (create one with the `token create` command).");
    }

    private static Task Redirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
