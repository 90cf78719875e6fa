using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Pages;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// A browser session learns at its next account check (<c>Auth:SessionCheck</c>, here at once) that an admin locked
/// its user or changed their role, and sends the person to sign in again; the demoted one then sees the pages as their new role.
/// </summary>
public sealed class SessionCheckTests : IDisposable
{
    private readonly AppFactory _factory = new AppFactory().With("Auth:SessionCheck", "00:00:00");

    private async Task<AppUser> UserOf(string email)
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task A_locked_user_is_signed_out_of_the_browser_session_they_already_have()
    {
        var email = await _factory.UserFor("Coordinator", "KZ");
        var session = await PageSession.SignedInAs(_factory, email);
        await session.Get("/processes");
        Assert.Equal(HttpStatusCode.OK, session.Status);

        using (var scope = _factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetLockedAsync((await UserOf(email)).Id, locked: true);
        }

        await session.Get("/processes");
        Assert.Equal(HttpStatusCode.Redirect, session.Status);
        Assert.StartsWith("/account/sign-in", session.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_admin_whose_role_is_taken_away_is_signed_out_of_the_session_they_already_have_and_back_in_without_the_admin_pages()
    {
        var email = await _factory.UserFor("Admin");
        var session = await PageSession.SignedInAs(_factory, email);
        await session.Get("/admin/users");
        Assert.Equal(HttpStatusCode.OK, session.Status);

        using (var scope = _factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().ChangeRoleAsync((await UserOf(email)).Id, "Observer", null);
        }

        // Signed out, to sign in again as what they now are.
        await session.Get("/admin/users");
        Assert.StartsWith("/account/sign-in", session.Location!.PathAndQuery);
        session = await PageSession.SignedInAs(_factory, email);
        await session.Get("/admin/users");
        Assert.Equal("/account/denied", session.Location?.AbsolutePath);
    }

    public void Dispose() => _factory.Dispose();
}
