using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Web.Processes;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Auth;

internal static class MeApi
{
    /// <summary>
    /// <c>GET /api/v1/me</c>: who the caller is and what they may do, so a script can check its token; and the caller's
    /// own e-mail language (<c>PUT /api/v1/me/language</c>), as the pages' language switch sets it.
    /// </summary>
    public static WebApplication MapMeApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Account").RequireAuthorization().AddEndpointFilter<ProblemFilter>();

        me.MapGet("", async (ClaimsPrincipal user, UserManager<AppUser> users) => TypedResults.Ok(new MeView(
            user.Identity!.Name!,
            Roles.All.Where(user.IsInRole).ToList(),
            user.Country(),
            user.FindFirstValue(AppClaims.TokenName),
            (await users.GetUserAsync(user))?.Language)))
            .WithName("getMe").WithSummary("Who the caller is: e-mail, roles, country, token");

        // The language of the e-mail written to the caller alone (the weekly digest); null writes both.
        me.MapPut("/language", async (LanguageView request, ClaimsPrincipal user, UserManager<AppUser> users) =>
        {
            var language = request.Language is null ? null
                : AppUser.KnownLanguage(request.Language) ?? throw DomainRuleException.Invalid("language", "not-a-choice", "language", request.Language, AppUser.Languages);
            var account = await users.GetUserAsync(user) ?? throw new AccessDeniedException("The account behind this sign-in no longer exists.");
            account.Language = language;
            var saved = await users.UpdateAsync(account);
            if (!saved.Succeeded) throw new InvalidOperationException(string.Join("; ", saved.Errors.Select(e => e.Description)));
            return TypedResults.Ok(new LanguageView(language));
        })
            .WithName("setMyLanguage").WithSummary("Set the caller's own e-mail language")
            .ProducesValidationProblem();
        return app;
    }
}

internal sealed record MeView(string Email, IReadOnlyList<string> Roles, string? Country, string? Token, string? Language);

/// <summary>An e-mail language: one the app has texts in (en, ru, ...), or null for both English and Russian.</summary>
internal sealed record LanguageView(string? Language);
