using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Identity;

public static class IdentityModule
{
    /// <summary>ASP.NET Core Identity on our database: users, roles, lockout after repeated failures, and API tokens.</summary>
    public static IServiceCollection AddIdentityStore(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<ApiTokenSignIn>();
        return services;
    }
}

/// <summary>
/// The claims a request needs: id, name, e-mail, security stamp (the cookie's revalidation compares it), roles, and the
/// user's country, so authorization reads nothing more per request. Identity's own factory also reads the user's claims
/// and each role and its claims, which we never write: three more queries on every bearer request.
/// </summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user) =>
        IdentityOf(user, await UserManager.GetRolesAsync(user), Options.ClaimsIdentity, IdentityConstants.ApplicationScheme);

    /// <summary>The same claims for a user whose roles are already known (a bearer request reads them with its token).</summary>
    public static ClaimsIdentity IdentityOf(AppUser user, IEnumerable<string> roles, ClaimsIdentityOptions names, string scheme)
    {
        var identity = new ClaimsIdentity(scheme, names.UserNameClaimType, names.RoleClaimType);
        identity.AddClaim(new Claim(names.UserIdClaimType, user.Id));
        identity.AddClaim(new Claim(names.UserNameClaimType, user.UserName ?? ""));
        if (user.Email is { } email) identity.AddClaim(new Claim(names.EmailClaimType, email));
        identity.AddClaim(new Claim(names.SecurityStampClaimType, user.SecurityStamp ?? ""));
        foreach (var role in roles) identity.AddClaim(new Claim(names.RoleClaimType, role));
        if (user.Country is not null) identity.AddClaim(new Claim(AppClaims.Country, user.Country));
        if (user.MustChangePassword) identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        return identity;
    }
}
