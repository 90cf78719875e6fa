using Scalar.AspNetCore;

namespace WorkingGroups.Web.Hosting;

public static class OpenApiModule
{
    /// <summary>The OpenAPI document of every endpoint, generated from the endpoints themselves.</summary>
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) => services.AddOpenApi();

    /// <summary><c>/openapi/v1.json</c>, and an interactive reference at <c>/openapi</c> (served from the app, no CDN).</summary>
    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/openapi", o => o.WithTitle("WorkingGroups API"));
        return app;
    }
}
