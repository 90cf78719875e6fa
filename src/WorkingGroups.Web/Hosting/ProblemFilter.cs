using WorkingGroups.Core.Processes;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Hosting;

/// <summary>Rule violations become RFC 9457 problem details: 404, 409, 400 with the field, 413, 403.</summary>
internal sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainRuleException ex) when (ex.Kind == RuleKind.Invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Field ?? ""] = [ex.Detail] },
                detail: ex.Detail, title: ex.Title);
        }
        catch (DomainRuleException ex)
        {
            return TypedResults.Problem(statusCode: ex.Kind switch
            {
                RuleKind.NotFound => StatusCodes.Status404NotFound,
                RuleKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status409Conflict,
            }, title: ex.Title, detail: ex.Detail);
        }
        catch (AccessDeniedException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: ex.Message);
        }
    }
}
