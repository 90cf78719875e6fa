using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Response headers that close the browser's doors (no script but our own files, never framed, no sniffing, no
/// referrer: an answer link carries its signed token in the path), and the settings for running behind a proxy:
/// Proxy:ForwardedHeaders trusts X-Forwarded-For/-Proto from Proxy:KnownProxies (loopback if none), Https:Redirect
/// sends plain HTTP to HTTPS with HSTS. Cookies are marked Secure whenever the request (as forwarded) was HTTPS.
/// </summary>
public static class SecurityHeadersModule
{
    /// <summary>Our pages: no inline script or style, nothing from elsewhere; SVG and forms stay on this site.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard and the OpenAPI reference bring inline scripts of their own; they still may not be framed.</summary>
    private const string ToolPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    private static readonly string[] ToolPaths = ["/hangfire", "/openapi"];

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in config.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // The antiforgery cookie is otherwise never marked Secure, not even over HTTPS.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue("Proxy:ForwardedHeaders", false)) app.UseForwardedHeaders();
        if (app.Configuration.GetValue("Https:Redirect", false))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use((http, next) =>
        {
            // At the start of the response: the exception handler clears the headers set before it.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var tool = ToolPaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
                headers.ContentSecurityPolicy = tool ? ToolPolicy : PagePolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
