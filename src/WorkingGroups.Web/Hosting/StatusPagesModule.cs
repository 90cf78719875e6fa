namespace WorkingGroups.Web.Hosting;

internal static class StatusPagesModule
{
    /// <summary>Error statuses without a body: problem details for the API, a readable page in the reader's language elsewhere.</summary>
    public static WebApplication UseStatusPages(this WebApplication app)
    {
        app.UseWhen(http => http.IsApi(), api => api.UseStatusCodePages());
        app.UseWhen(http => !http.IsApi(), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        return app;
    }
}
