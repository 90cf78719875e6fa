namespace WorkingGroups.Web.Auth;

/// <summary>Writes an RFC 9457 problem from places that run before an endpoint, such as authentication.</summary>
internal static class Problems
{
    public static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status, Title = title, Detail = detail } });
    }
}
