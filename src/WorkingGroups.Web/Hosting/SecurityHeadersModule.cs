using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Response headers that close the browser's doors (no script but our own files, never framed, no sniffing, no
/// referrer: an answer link carries its signed token in the path), and the settings for running behind a proxy:
/// Proxy:ForwardedHeaders trusts X-Forwarded-For/-Proto from Proxy:KnownProxies (loopback if none), Https:Redirect
/// sends plain HTTP to HTTPS with HSTS. Cookies are marked Secure whenever the request (as forwarded) was HTTPS.
/// </summary>
internal static class SecurityHeadersModule
{
    /// <summary>Our pages: no inline script or style, nothing from elsewhere; SVG and forms stay on this site.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard and the OpenAPI reference bring inline scripts of their own; they still may not be framed.</summary>
    private const string ToolPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    private static readonly string[] ToolPaths = ["/hangfire", "/openapi"];

    public sealed record ProxySettings(bool ForwardedHeaders, IReadOnlyList<IPAddress> KnownProxies, bool HttpsRedirect);

    public static ProxySettings Read(SettingsReader read) =>
        new(read.Switch("Proxy:ForwardedHeaders", false), read.IpAddresses("Proxy:KnownProxies"), read.Switch("Https:Redirect", false));

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in SettingsReader.Use(config, Read).KnownProxies) o.KnownProxies.Add(proxy);
        });
        // A Host header is answered only for the app's own names: an AllowedHosts list when set, otherwise App:BaseUrl's host
        // and loopback, so that "Host: evil.example" never comes back in a redirect or in the OpenAPI document's server.
        services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = AllowedHosts(o.AllowedHosts));
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration>((o, config) =>
        {
            if (config["AllowedHosts"] is not { Length: > 0 })
                o.AllowedHosts = [new Uri(config["App:BaseUrl"] is { Length: > 0 } url ? url : "http://localhost").Host];
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // The antiforgery cookie is otherwise never marked Secure, not even over HTTPS.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>The configured names, with loopback always allowed (the app's own health checks and a local proxy).</summary>
    private static List<string> AllowedHosts(IList<string> configured) =>
        configured.Contains("*") ? ["*"] : [.. configured.Union(["localhost", "127.0.0.1", "[::1]"], StringComparer.OrdinalIgnoreCase)];

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var settings = SettingsReader.Use(app.Configuration, Read);
        if (settings.ForwardedHeaders) app.UseForwardedHeaders();
        if (settings.HttpsRedirect)
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
