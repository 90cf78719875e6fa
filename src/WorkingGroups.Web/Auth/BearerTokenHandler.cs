using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Auth;

/// <summary>Signs in a request carrying <c>Authorization: Bearer wg_…</c> as the user the token was created for.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenSignIn tokens, IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var found = await tokens.FindAsync(header[(SchemeName.Length + 1)..].Trim(), Context.RequestAborted);
        if (found is not { } match) return AuthenticateResult.Fail("The bearer token is unknown, expired or revoked.");

        var claims = AppClaimsFactory.IdentityOf(match.User, match.Roles, identity.Value.ClaimsIdentity, SchemeName);
        claims.AddClaim(new Claim(AppClaims.TokenName, match.Token.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "Sign in, or send Authorization: Bearer <token> (create one with the `token create` command).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this.");
}
