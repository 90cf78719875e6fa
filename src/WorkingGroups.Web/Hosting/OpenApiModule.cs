using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Settings;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Hosting;

internal static class OpenApiModule
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Bearer = "Bearer";
    private const string ProblemJson = "application/problem+json";

    /// <summary>
    /// The OpenAPI document of every endpoint, generated from the endpoints themselves. What the endpoints' own metadata
    /// cannot say (which need a token, the answers the pipeline gives before a handler runs) is added here from that
    /// metadata, so a new endpoint is described right without repeating it; each endpoint names and summarises itself.
    /// </summary>
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o => o
            .AddOperationTransformer((operation, context, ct) => DescribeAnswers(operation, context, ct))
            .AddDocumentTransformer((document, context, _) =>
            {
                Describe(document);
                // The app's public address, never the request's Host header (which a client chooses).
                var baseUrl = ReminderOptions.Read(context.ApplicationServices.GetRequiredService<IConfiguration>()).BaseUrl;
                document.Servers = [new OpenApiServer { Url = baseUrl }];
                return Task.CompletedTask;
            }));

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "WorkingGroups API";
        document.Info.Description = "Establishment processes of inter-institutional working groups on tailings safety. " +
                                    "Send Authorization: Bearer <token> (created with the `token create` command). Errors are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from `dotnet run --project src/WorkingGroups.Web -- token create --email <e-mail>`.",
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
    }

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Definitions"] = "Each country's process definition: steps, bodies, benchmarks. No sign-in needed.",
        ["Account"] = "The caller's own account.",
        ["Processes"] = "Establishment processes: start, complete steps, record answers, correct, send back, cancel, audit.",
        ["Dashboards"] = "Elapsed time against the benchmarks, as JSON, CSV and an Excel workbook, as of any date.",
        ["Reminders"] = "E-mail reminders to agencies that have not answered, reminders recorded from outside the app, the weekly digest.",
        ["Letters"] = "Letters drafted for signature as .docx from the country's templates: a step's letter (to the Minister, to the Government) " +
                      "and each invited body's invitation and reminder, with a fresh answer link in a coordinator's copy.",
        ["Groups"] = "Established groups: composition, amendments, meetings, Work Plans.",
        ["Attention"] = "What needs attention today, as on the home page.",
    };

    /// <summary>
    /// Security and the answers a request can get before or around its handler, read from the endpoint's metadata:
    /// 401 and the bearer requirement where sign-in is needed (403 where a role is, or the endpoint changes something,
    /// since every write checks the caller's country or role); 400, 413 and 415 for a JSON body; 400 for a query value
    /// (one that does not parse, or a status that is not one); 404 for a route value (an unknown id, or one that is not
    /// even an id); 422 and the header where an Idempotency-Key is taken. Responses the endpoint declares stay as they are.
    /// </summary>
    private static async Task DescribeAnswers(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var signIn = !metadata.OfType<IAllowAnonymous>().Any()
                     && (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any());
        var restricted = metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy))
                         || metadata.OfType<AuthorizationPolicy>().Any(p => p.Requirements.Any(r => r is not DenyAnonymousAuthorizationRequirement));
        var write = !HttpMethods.IsGet(description.HttpMethod ?? "GET");
        var parameters = description.ParameterDescriptions;
        var body = parameters.Any(p => p.Source == BindingSource.Body);

        // An empty list is written as `security: []`: this one needs no token, said outright rather than left unsaid.
        operation.Security = signIn
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }]
            : [];

        var problem = await Shared(context, typeof(ProblemDetails), ct);
        var validation = await Shared(context, typeof(HttpValidationProblemDetails), ct);
        operation.Responses ??= new OpenApiResponses();
        void Add(int status, string text, IOpenApiSchema schema)
        {
            if (operation.Responses.ContainsKey(status.ToString(CultureInfo.InvariantCulture))) return;
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
            };
        }

        if (body || parameters.Any(p => p.Source == BindingSource.Query))
            Add(StatusCodes.Status400BadRequest, "Bad Request: a value that does not parse or is not one of the choices, named in `errors`.", validation);
        if (signIn) Add(StatusCodes.Status401Unauthorized, "Unauthorized: no valid bearer token.", problem);
        if (signIn && (restricted || write)) Add(StatusCodes.Status403Forbidden, "Forbidden: signed in, but not allowed this.", problem);
        if (parameters.Any(p => p.Source == BindingSource.Path)) Add(StatusCodes.Status404NotFound, "Not Found: nothing has that id.", problem);
        if (body)
        {
            Add(StatusCodes.Status413PayloadTooLarge, "Content Too Large: the body is over Requests:MaxBodyKilobytes.", problem);
            Add(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type: the body is not application/json.", problem);
        }
        if (write && metadata.OfType<IdempotencyKeyMetadata>().Any())
        {
            Add(StatusCodes.Status422UnprocessableEntity, "Unprocessable: this Idempotency-Key was used for another request.", problem);
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.Header,
                In = ParameterLocation.Header,
                Description = "Any text up to 200 characters: a retry with the same key answers as the first time and changes nothing twice.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }
    }

    /// <summary>A schema every operation shares, as a reference to one component rather than a copy in each response.</summary>
    private static async Task<IOpenApiSchema> Shared(OpenApiOperationTransformerContext context, Type type, CancellationToken ct)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(type.Name))
            document.Components.Schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, null, ct);
        return new OpenApiSchemaReference(type.Name, document);
    }

    /// <summary>A file download: its media type and a binary body, so a generated client saves bytes instead of parsing JSON.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint, string mediaType) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(Stream), mediaType);

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

    /// <summary>
    /// Declares what an API group's handlers refuse with, on its writes: 400 naming the field that breaks a rule, 404
    /// where something the request names is not there (a definition, a meeting), 409 where the state refuses the change.
    /// Reads refuse nothing of their own; 401, 403 and their 400 and 404 come from each endpoint's metadata
    /// (<see cref="DescribeAnswers"/>).
    /// </summary>
    public static RouteGroupBuilder WithProblems(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (!endpoint.Metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Any(h => !HttpMethods.IsGet(h)))) return;
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), [ProblemJson]));
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), [ProblemJson]));
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status409Conflict, typeof(ProblemDetails), [ProblemJson]));
        });
        return group;
    }
}
