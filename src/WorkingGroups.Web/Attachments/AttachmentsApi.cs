using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using WorkingGroups.Core.Attachments;
using WorkingGroups.Infrastructure.Attachments;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Attachments;

/// <summary>
/// Upload, list, download and remove the documents of a step, an answer, a meeting and a Work Plan. Reading is for any
/// signed-in user, like the thing they belong to; adding and removing for the owner country's coordinators and admins.
/// </summary>
internal static class AttachmentsApi
{
    private const string ProblemJson = "application/problem+json";

    public static WebApplication MapAttachmentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Attachments").RequireAuthorization().AddEndpointFilter<ProblemFilter>();
        api.AddOpenApiOperationTransformer(DeclareOwnerParameters);
        Map(api, "/processes/{id:guid}/steps/{stepId}/attachments", "Step",
            r => AttachmentOwner.OfStep(Guid.Parse(Value(r, "id")), Value(r, "stepId")));
        Map(api, "/processes/{id:guid}/steps/{stepId}/invitations/{bodyId}/attachments", "Answer",
            r => AttachmentOwner.OfInvitation(Guid.Parse(Value(r, "id")), Value(r, "stepId"), Value(r, "bodyId")));
        Map(api, "/groups/{groupId:guid}/meetings/{meetingId:guid}/attachments", "Meeting",
            r => AttachmentOwner.OfMeeting(Guid.Parse(Value(r, "groupId")), Guid.Parse(Value(r, "meetingId"))));
        Map(api, "/groups/{groupId:guid}/workplans/{planId:guid}/attachments", "WorkPlan",
            r => AttachmentOwner.OfWorkPlan(Guid.Parse(Value(r, "groupId")), Guid.Parse(Value(r, "planId"))));
        return app;
    }

    /// <summary>Whether a request is an upload of a document, by its path: the request-size ceiling gives way to Attachments:MaxMegabytes there.</summary>
    public static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value?.EndsWith("/attachments", StringComparison.OrdinalIgnoreCase) == true;

    private static void Map(RouteGroupBuilder api, string path, string owner, Func<RouteValueDictionary, AttachmentOwner> ownerOf)
    {
        api.MapGet(path, async (HttpContext http, AttachmentService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(ownerOf(http.Request.RouteValues), ct)).Select(a => AttachmentView.From(a, http.Request.Path)).ToList()))
            .WithName($"list{owner}Attachments").WithSummary($"List the documents of a {Words(owner)}");

        api.MapGet(path + "/{attachmentId:guid}", async (Guid attachmentId, HttpContext http, AttachmentService service, CancellationToken ct) =>
            new AttachmentDownload(await service.FindAsync(ownerOf(http.Request.RouteValues), attachmentId, ct), service))
            .Produces(StatusCodes.Status200OK, typeof(Stream), FileKinds.All[0].ContentType, [.. FileKinds.All.Skip(1).Select(k => k.ContentType)])
            .WithName($"download{owner}Attachment").WithSummary($"Download a document of a {Words(owner)}, under its original name");

        api.MapPost(path, async (HttpContext http, ClaimsPrincipal user, AttachmentService service, CancellationToken ct) =>
        {
            var owned = ownerOf(http.Request.RouteValues);
            Authorize(user, await service.CountryOfAsync(owned, ct)); // before a byte of the file is read
            await using var file = await UploadedFile.ReadAsync(http.Request, service.Options.MaxBytes, ct);
            var attachment = await service.AddAsync(owned, file.Name, file.Content, user.Who(), country => Authorize(user, country), ct);
            var view = AttachmentView.From(attachment, http.Request.Path);
            return TypedResults.Created(view.Href, view);
        })
            .Produces(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ProblemJson)
            .Produces(StatusCodes.Status404NotFound, typeof(ProblemDetails), ProblemJson)
            .Produces(StatusCodes.Status409Conflict, typeof(ProblemDetails), ProblemJson)
            .Produces(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails), ProblemJson)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = Multipart();
                return Task.CompletedTask;
            })
            .WithName($"add{owner}Attachment")
            .WithSummary($"Attach a document to a {Words(owner)}")
            .WithDescription("multipart/form-data with the file in the part \"file\". PDF, DOCX, XLSX, ODT, JPEG or PNG, decided by the content; " +
                             "at most Attachments:MaxMegabytes (20 MB by default). The answer lists its SHA-256.");

        api.MapDelete(path + "/{attachmentId:guid}", async (Guid attachmentId, HttpContext http, ClaimsPrincipal user, AttachmentService service, CancellationToken ct) =>
        {
            await service.RemoveAsync(ownerOf(http.Request.RouteValues), attachmentId, user.Who(), country => Authorize(user, country), ct);
            return TypedResults.NoContent();
        })
            .Produces(StatusCodes.Status404NotFound, typeof(ProblemDetails), ProblemJson)
            .Produces(StatusCodes.Status409Conflict, typeof(ProblemDetails), ProblemJson)
            .WithName($"remove{owner}Attachment").WithSummary($"Remove a document of a {Words(owner)}; the audit keeps its SHA-256");
    }

    /// <summary>
    /// The owner's route values are read from the route, not bound as handler parameters (one handler serves four
    /// owners), so the document is told about them here: every {name} of the path the operation does not declare yet.
    /// </summary>
    private static Task DeclareOwnerParameters(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken _)
    {
        operation.Parameters ??= [];
        var path = context.Description.RelativePath ?? "";
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)").Select(m => m.Groups[1].Value))
        {
            if (operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Path)) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = name is "stepId" or "bodyId" ? null : "uuid" },
            });
        }
        return Task.CompletedTask;
    }

    private static string Words(string owner) => owner switch { "WorkPlan" => "Work Plan", "Step" => "step", "Answer" => "body's answer", _ => owner.ToLowerInvariant() };

    private static string Value(RouteValueDictionary route, string key) => route[key]?.ToString() ?? "";

    private static OpenApiRequestBody Multipart() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { UploadedFile.FilePart },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        [UploadedFile.FilePart] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The document." },
                    },
                },
            },
        },
    };

    private static void Authorize(ClaimsPrincipal user, string country)
    {
        if (!user.CanCoordinate(country)) throw new AccessDeniedException($"Only a coordinator for {country} or an admin may change its documents.");
    }
}
