using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using WorkingGroups.Web.Auth;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// A ceiling on request bodies (Requests:MaxBodyKilobytes, 256 KB by default): nothing this app takes (JSON commands,
/// page forms) comes near it, so anything larger is refused with 413 before it is read into memory or bound.
/// </summary>
internal static class RequestLimitsModule
{
    private const string Setting = "Requests:MaxBodyKilobytes";

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        // Kestrel enforces the same ceiling on the socket, so a body without Content-Length is cut off there too.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((o, config) => o.Limits.MaxRequestBodySize = MaxBytes(config));
        return services;
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        var max = MaxBytes(app.Configuration);
        app.Use(async (http, next) =>
        {
            // The status page re-executed for a refusal must not be refused again.
            if (http.Features.Get<IStatusCodeReExecuteFeature>() is null && await IsTooLarge(http.Request, max))
            {
                await Refuse(http, max);
                return;
            }
            await next(http);
        });
        return app;
    }

    public static long MaxBytes(IConfiguration config) => SettingsReader.Use(config, MaxBytes);

    public static long MaxBytes(SettingsReader read) => read.Number(Setting, 256, 1, 1024 * 1024) * 1024L;

    /// <summary>By the declared length, or for a chunked body by reading at most one byte past the ceiling (then rewinding).</summary>
    private static async Task<bool> IsTooLarge(HttpRequest request, long max)
    {
        if (request.ContentLength is { } length) return length > max;
        if (!request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)) return false;
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: max + 1);
        var buffer = new byte[16 * 1024];
        long read = 0;
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                read += n;
                if (read > max) return true;
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return true; // Kestrel's own ceiling stopped the read
        }
        catch (IOException) when (read + buffer.Length > max)
        {
            // The buffer's limit stops the read that would pass it, before that read's bytes are counted here.
            return true;
        }
        request.Body.Position = 0;
        return false;
    }

    private static Task Refuse(HttpContext http, long max)
    {
        var detail = $"The request body is larger than {max / 1024} KB.";
        if (http.IsApi()) return Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "Request too large", detail);
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge; // the status pages show a readable page
        return Task.CompletedTask;
    }
}
