namespace WorkingGroups.Web.Hosting;

internal static class ApiRequests
{
    /// <summary>
    /// Answered as an API (problem details, 401 rather than a redirect to sign in): the API itself and the OpenAPI
    /// documents tools fetch. The interactive reference under /openapi is a page like the others.
    /// </summary>
    public static bool IsApi(this HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        || (http.Request.Path.StartsWithSegments("/openapi") && http.Request.Path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
}
