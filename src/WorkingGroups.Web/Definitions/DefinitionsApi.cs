using Microsoft.AspNetCore.Http.HttpResults;

using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Web.Definitions;

internal static class DefinitionsApi
{
    /// <summary>GET /api/v1/definitions and /api/v1/definitions/{id}[?version=N]. Definitions hold no secret: anonymous.</summary>
    public static WebApplication MapDefinitionsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/definitions").WithTags("Definitions").AllowAnonymous();

        group.MapGet("/", (DefinitionCatalog catalog) =>
            TypedResults.Ok(catalog.All.Select(DefinitionView.From).ToList()))
            .WithName("listDefinitions").WithSummary("List every process definition (latest versions)");

        group.MapGet("/{id}", Results<Ok<DefinitionView>, ProblemHttpResult> (string id, int? version, DefinitionCatalog catalog) =>
            catalog.Find(id, version) is { } definition
                ? TypedResults.Ok(DefinitionView.From(definition))
                : TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Definition not found",
                    detail: version is null
                        ? $"There is no definition \"{id}\"."
                        : $"There is no version {version} of the definition \"{id}\"."))
            .WithName("getDefinition").WithSummary("Get a definition, its latest version or ?version=N");

        return app;
    }
}
