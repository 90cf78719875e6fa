using Microsoft.OpenApi;
using Scalar.AspNetCore;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Web.Hosting;

public static class OpenApiModule
{
    /// <summary>The OpenAPI document of every endpoint, generated from the endpoints themselves, with the bearer scheme.</summary>
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "WorkingGroups API";
            document.Info.Description = "Establishment processes of inter-institutional working groups on tailings safety. " +
                                        "Send Authorization: Bearer <token> (created with the `token create` command). Errors are RFC 9457 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from `dotnet run --project src/WorkingGroups.Web -- token create --email <e-mail>`.",
            };
            return Task.CompletedTask;
        }));

    /// <summary>
    /// <c>/openapi/v1.json</c>, and an interactive reference at <c>/openapi</c> (served from the app, no CDN). Open to
    /// anyone in Development; elsewhere for signed-in users only (OpenApi:Anonymous overrides), since the document
    /// maps every endpoint an attacker could try.
    /// </summary>
    public static bool Anonymous(SettingsReader read, bool isDevelopment) => read.Switch("OpenApi:Anonymous", isDevelopment);

    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        var anonymous = SettingsReader.Use(app.Configuration, read => Anonymous(read, app.Environment.IsDevelopment()));
        IEndpointConventionBuilder[] endpoints =
        [
            app.MapOpenApi(),
            app.MapScalarApiReference("/openapi", o => o.WithTitle("WorkingGroups API")),
        ];
        if (!anonymous) foreach (var endpoint in endpoints) endpoint.RequireAuthorization();
        return app;
    }

    /// <summary>Declares the problem responses an API group can give, so the document lists them.</summary>
    public static RouteGroupBuilder WithProblems(this RouteGroupBuilder group) => group
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
