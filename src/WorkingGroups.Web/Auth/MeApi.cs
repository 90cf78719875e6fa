using System.Security.Claims;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Auth;

public static class MeApi
{
    /// <summary><c>GET /api/v1/me</c>: who the caller is and what they may do, so a script can check its token.</summary>
    public static WebApplication MapMeApi(this WebApplication app)
    {
        app.MapGet("/api/v1/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeView(
                user.Identity!.Name!,
                Roles.All.Where(user.IsInRole).ToList(),
                user.Country(),
                user.FindFirstValue(AppClaims.TokenName))))
            .WithTags("Account").RequireAuthorization();
        return app;
    }
}

public sealed record MeView(string Email, IReadOnlyList<string> Roles, string? Country, string? Token);
