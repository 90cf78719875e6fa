using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Cli;

/// <summary>
/// A token created with <c>--days</c> stops working when its days are up. Waiting a day is not a test and the
/// stored expiry must not be edited behind the app's back, so the app runs on a clock the test moves.
/// </summary>
public sealed class TokenExpiryTests
{
    [Fact]
    public async Task A_token_works_until_its_last_moment_and_is_refused_from_then_on()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 2, 28, 9, 0, 0, TimeSpan.Zero));
        using var factory = new AppFactory();
        var app = OnClock(factory, clock);

        string token;
        using (var scope = app.Services.CreateScope())
        {
            // The service the `token create` command runs, on the app's SQLite file.
            var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await administration.AddUserAsync("expiring@example.org", "Observer", null, "Correct-horse-42");
            token = await administration.CreateTokenAsync("expiring@example.org", "one day", days: 1);
        }
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1)); // across the leap day, one second left
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        clock.Advance(TimeSpan.FromDays(400));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/processes")).StatusCode);
    }

    /// <summary>The app on a moved clock; the factory disposes it (disposing it twice stops WorkflowCore twice, which throws).</summary>
    private static WebApplicationFactory<Program> OnClock(AppFactory factory, TimeProvider clock) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(clock)));

    [Fact]
    public async Task A_token_without_days_does_not_expire()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var factory = new AppFactory();
        var app = OnClock(factory, clock);
        using var scope = app.Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await administration.AddUserAsync("forever@example.org", "Observer", null, "Correct-horse-42");
        var token = await administration.CreateTokenAsync("forever@example.org", null, days: null);

        clock.Advance(TimeSpan.FromDays(3650));
        var found = await scope.ServiceProvider.GetRequiredService<ApiTokenSignIn>().FindAsync(token, CancellationToken.None);
        Assert.Equal("forever@example.org", found?.User.Email);
    }
}
