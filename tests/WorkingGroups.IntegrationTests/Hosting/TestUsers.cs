using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>Clients that act as a real user with a real bearer token, created through the same service as the CLI.</summary>
public static class TestUsers
{
    public static async Task<HttpClient> ClientFor(this AppFactory factory, string role, string? country = null)
    {
        var token = await factory.TokenFor(role, country);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public const string Password = "Correct-horse-42";

    public static async Task<string> TokenFor(this AppFactory factory, string role, string? country = null)
    {
        var email = await factory.UserFor(role, country);
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateTokenAsync(email, "tests", days: 1);
    }

    /// <summary>A new user with <see cref="Password"/>; returns the e-mail to sign in with.</summary>
    public static async Task<string> UserFor(this AppFactory factory, string role, string? country = null, string? password = Password)
    {
        _ = factory.Server; // starts the app (and migrates the database) if it is not running yet
        using var scope = factory.Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var email = $"{role.ToLowerInvariant()}-{country?.ToLowerInvariant() ?? "all"}-{Guid.NewGuid():N}@example.org";
        await administration.AddUserAsync(email, role, country, password);
        return email;
    }
}
