using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Processes;

/// <summary>
/// A write retried with the same Idempotency-Key header gets the first success again and changes nothing twice.
/// Only successes are kept: a retry of a failed request runs again.
/// </summary>
internal sealed class IdempotencyFilter(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (HttpMethods.IsGet(http.Request.Method) || string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > 200)
            return TypedResults.Problem(statusCode: 400, title: "Invalid input", detail: $"The {Header} header is longer than 200 characters.");

        var user = http.User.Who();
        var request = $"{http.Request.Method} {http.Request.Path}";
        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        if (await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.User == user && r.Key == key, http.RequestAborted) is { } stored)
        {
            if (stored.Request != request)
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: $"This {Header} was first used for {stored.Request}; use a new key for a different request.");
            if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
            return Results.Text(stored.Body, "application/json", Encoding.UTF8, stored.StatusCode);
        }

        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult { Value: { } value })
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                User = user,
                Key = key,
                Request = request,
                StatusCode = success.StatusCode.Value,
                Location = (result as Microsoft.AspNetCore.Http.HttpResults.Created<ProcessView>)?.Location,
                Body = JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // A concurrent retry stored it first; this response is as good.
            }
        }
        return result;
    }
}
