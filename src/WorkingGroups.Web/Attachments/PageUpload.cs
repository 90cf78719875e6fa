using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace WorkingGroups.Web.Attachments;

/// <summary>
/// A page's upload form, read as the API reads one (streamed, never bound as a form). Antiforgery is checked on the
/// token the form sends before its file: the check is handed that token as its header, so it never reads (and buffers)
/// the form itself. The forms put the token first (<c>asp-antiforgery="false"</c> and the token written at the top).
/// </summary>
internal static class PageUpload
{
    /// <summary>The status a page answers a refused upload with, as the API would.</summary>
    public static int StatusOf(Core.Processes.DomainRuleException refusal) => refusal.Kind switch
    {
        Core.Processes.RuleKind.NotFound => StatusCodes.Status404NotFound,
        Core.Processes.RuleKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        Core.Processes.RuleKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    public static Task<UploadedFile> ReadAsync(HttpContext http, long maxBytes, CancellationToken cancellationToken)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var options = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        return UploadedFile.ReadAsync(http.Request, maxBytes, cancellationToken, async fields =>
        {
            if (options.HeaderName is { } header && fields.TryGetValue(options.FormFieldName, out var token)) http.Request.Headers[header] = token;
            await antiforgery.ValidateRequestAsync(http); // throws AntiforgeryValidationException: a 400
        });
    }
}
