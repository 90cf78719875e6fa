using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Processes;

/// <summary>
/// A write retried with the same Idempotency-Key header gets the first success again and changes nothing twice. The key
/// is claimed in the transaction of the change itself (<see cref="IdempotencyClaim"/>), so neither a concurrent retry
/// nor a crash between the change and its stored response can make the change twice. Failures are not kept: a retry of
/// a refused request runs again. A key stands for one request: its method, path and body; the same key with another
/// body is refused (422). Before a stored answer is replayed, the caller must still be allowed to make the request.
/// </summary>
internal sealed class IdempotencyFilter(IDbContextFactory<AppDbContext> contexts, ProcessService processes, Core.Definitions.DefinitionCatalog catalog,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (HttpMethods.IsGet(http.Request.Method) || string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > 200)
            return TypedResults.Problem(statusCode: 400, title: "Invalid input", detail: $"The {Header} header is longer than 200 characters.");

        var claim = new IdempotencyClaim(http.User.Who(), key, $"{http.Request.Method} {http.Request.Path} {BodyFingerprint(context)}");
        if (await FindAsync(claim, http.RequestAborted) is { } stored)
        {
            if (!await MayMakeAsync(context)) return Forbidden(http);
            return await ReplayAsync(stored, claim, http);
        }

        object? result;
        IdempotencyClaim.Current = claim;
        try
        {
            result = await next(context);
        }
        catch (IdempotencyKeyTakenException)
        {
            // A concurrent request with the same key committed first: answer as its retry.
            return await ReplayAsync((await FindAsync(claim, http.RequestAborted))!, claim, http);
        }
        finally
        {
            IdempotencyClaim.Current = null;
        }

        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult { Value: { } value })
        {
            await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
            await db.IdempotencyRecords.Where(r => r.User == claim.User && r.Key == claim.Key).ExecuteUpdateAsync(r => r
                .SetProperty(x => x.StatusCode, success.StatusCode.Value)
                .SetProperty(x => x.Location, Location(result))
                .SetProperty(x => x.Body, JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions)), http.RequestAborted);
        }
        return result;
    }

    private static string? Location(object? result) => result switch
    {
        Microsoft.AspNetCore.Http.HttpResults.Created<ProcessView> process => process.Location,
        Microsoft.AspNetCore.Http.HttpResults.Created<Reminders.ReminderView> reminder => reminder.Location,
        _ => null,
    };

    private async Task<IdempotencyRecord?> FindAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.User == claim.User && r.Key == claim.Key, ct);
    }

    /// <summary>
    /// The body as the endpoint bound it, hashed: the same JSON however it was spaced. An endpoint without a body has
    /// none, so its method and path say all.
    /// </summary>
    private string BodyFingerprint(EndpointFilterInvocationContext context)
    {
        var bodyType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        var body = bodyType is null ? null : context.Arguments.FirstOrDefault(a => a?.GetType() == bodyType);
        if (body is null) return "-";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, bodyType!, json.Value.SerializerOptions);
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }

    /// <summary>
    /// Whether the caller may make this request now, as the endpoint would decide it: a coordinator of the process's
    /// country (or of the definition's, for a start) or an admin. The endpoint itself decides for a request it runs.
    /// </summary>
    private async Task<bool> MayMakeAsync(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var processId))
        {
            await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
            var country = await db.Processes.Where(p => p.Id == processId).Select(p => p.Country).SingleOrDefaultAsync(http.RequestAborted);
            return country is null || http.User.CanCoordinate(country);
        }
        if (context.Arguments.OfType<StartProcessRequest>().FirstOrDefault() is { DefinitionId: { } definitionId } start
            && catalog.Find(definitionId, start.Version) is { } definition)
            return http.User.CanCoordinate(definition.Country);
        return true;
    }

    private static IResult Forbidden(HttpContext http) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: $"Only a coordinator of the process's country or an admin may make this request ({http.Request.Method} {http.Request.Path}).");

    private async Task<IResult> ReplayAsync(IdempotencyRecord stored, IdempotencyClaim claim, HttpContext http)
    {
        if (stored.Request != claim.Request)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: $"The {Header} \"{claim.Key}\" was first used for {FirstUse(stored.Request, claim.Request)}; use a new key for another request or another body.");
        if (stored.StatusCode != 0)
        {
            if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
            return Results.Text(stored.Body, "application/json", Encoding.UTF8, stored.StatusCode);
        }
        // The change committed but its response was never stored (the app stopped in between, or the first request
        // is still answering): the process as it now stands is that change's result.
        var process = (await processes.FindAsync(stored.ProcessId!.Value, http.RequestAborted))!;
        var view = ProcessView.Of(process, processes);
        return HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/api/v1/processes")
            ? TypedResults.Created($"/api/v1/processes/{process.Id}", view)
            : TypedResults.Ok(view);
    }

    /// <summary>The first request as a reader knows it: method and path, its body named only as being another one.</summary>
    private static string FirstUse(string stored, string now)
    {
        var line = string.Join(' ', stored.Split(' ').Take(2));
        return line == string.Join(' ', now.Split(' ').Take(2)) ? line + " with another body" : line;
    }
}
