using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.IntegrationTests.Groups;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Pages;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// Every endpoint the app maps (API, pages, dashboards) x every kind of caller (anonymous, each role, and tokens that are revoked, expired or
/// belong to a locked user). The endpoints come from the app's own
/// routing table, so a new endpoint without a line in <see cref="AccessTable"/> fails the test until someone decides
/// who may call it.
/// </summary>
public sealed class AccessMatrixTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public AccessMatrixTests(AppFactory factory) => _factory = factory;

    [Fact]
    public void Every_endpoint_has_an_entry_in_the_access_table()
    {
        var missing = MappedEndpoints().Where(e => !AccessTable.Expected.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "No expected access for: " + string.Join(", ", missing) +
                                        ". Add each to AccessTable.Expected.");
        var stale = AccessTable.Expected.Keys.Except(MappedEndpoints()).ToList();
        Assert.True(stale.Count == 0, "AccessTable lists endpoints the app no longer maps: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Each_caller_gets_the_expected_answer_from_every_endpoint()
    {
        var kazakh = await _factory.ClientFor("Coordinator", "KZ");
        var process = ProcessApi.Id(await kazakh.Start("kz-establishment", "2025-09-01"));
        var group = await kazakh.EstablishKazakhstan();
        var plan = await kazakh.AddItem(group, await kazakh.CreatePlan(group, 2026), "Matrix item", "iwac", "2026-09-01");
        var ids = new MatrixIds(process, ProcessApi.Id(group), ProcessApi.Id(await kazakh.Schedule(group, "annual", "2026-02-10")),
            ProcessApi.Id(plan), ProcessApi.Id(plan.GetProperty("items")[0]));
        var callers = new List<Caller> { Caller.Anonymous(_factory) };
        foreach (var (name, role, country) in new[]
                 {
                     ("Observer", "Observer", (string?)null), ("Coordinator of KZ", "Coordinator", "KZ"),
                     ("Coordinator of TJ", "Coordinator", "TJ"), ("Admin", "Admin", null),
                 })
        {
            callers.Add(await Caller.SignedIn(_factory, name, role, country));
        }

        callers.Add(Caller.BearerOnly(_factory, AccessTable.RevokedToken, await AdminToken(t => t.RevokedAt = DateTimeOffset.UtcNow.AddMinutes(-1))));
        callers.Add(Caller.BearerOnly(_factory, AccessTable.ExpiredToken, await AdminToken(t => t.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1))));
        callers.Add(Caller.BearerOnly(_factory, AccessTable.LockedUsersToken, await LockedAdminToken()));

        var failures = new List<string>();
        var cells = 0;
        foreach (var endpoint in MappedEndpoints())
        {
            if (!AccessTable.Expected.TryGetValue(endpoint, out var access))
            {
                failures.Add($"{endpoint}: no entry in the access table");
                continue;
            }
            foreach (var caller in callers)
            {
                var expected = access.For(caller.Name);
                var (status, location) = await caller.Send(endpoint, ids);
                var actual = Classify(endpoint.Path, status, location);
                cells++;
                if (actual != expected) failures.Add($"{endpoint} as {caller.Name}: expected {expected}, got {(int)status} {location}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells wrong:\n" + string.Join("\n", failures));
    }

    /// <summary>A real Admin token, changed in the database as revocation or the passing of time would change it.</summary>
    private async Task<string> AdminToken(Action<ApiToken> change)
    {
        var token = await _factory.TokenFor("Admin");
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Found by its SHA-256: the stored form of a token is its hash, never the token itself.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        change(await db.ApiTokens.SingleAsync(t => t.Hash == hash));
        await db.SaveChangesAsync();
        return token;
    }

    private async Task<string> LockedAdminToken()
    {
        var email = await _factory.UserFor("Admin");
        using var scope = _factory.Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var token = await administration.CreateTokenAsync(email, "locked", days: 1);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        await administration.SetLockedAsync(user!.Id, locked: true);
        return token;
    }

    /// <summary>What the caller saw: sent to sign in, refused, or let through (any answer below 500 that is not a refusal).</summary>
    private static Outcome Classify(string path, HttpStatusCode status, Uri? location)
    {
        var redirect = location?.OriginalString ?? "";
        if (status == HttpStatusCode.Unauthorized) return Outcome.SignIn;
        if (status is HttpStatusCode.Redirect or HttpStatusCode.Found && redirect.Contains("/account/sign-in")) return Outcome.SignIn;
        if (status == HttpStatusCode.Forbidden) return Outcome.Refused;
        if (status is HttpStatusCode.Redirect or HttpStatusCode.Found && redirect.Contains("/account/denied")) return Outcome.Refused;
        if ((int)status >= 500) return Outcome.Broken;
        // An API refuses with a status, never with a redirect to a page.
        if (path.StartsWith("/api", StringComparison.Ordinal) && (int)status is >= 300 and < 400) return Outcome.Broken;
        return Outcome.Allowed;
    }

    private IReadOnlyList<EndpointKey> MappedEndpoints()
    {
        _ = _factory.Server;
        var sources = _factory.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new EndpointKey(method, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One kind of caller: a cookie session for the pages and a bearer token for the API, as people and scripts do.</summary>
    private sealed class Caller(string name, PageSession pages, HttpClient api)
    {
        public string Name { get; } = name;

        public static Caller Anonymous(AppFactory factory)
        {
            var session = PageSession.Anonymous(factory);
            return new Caller(AccessTable.Anonymous, session, session.Client);
        }

        public static async Task<Caller> SignedIn(AppFactory factory, string name, string role, string? country)
        {
            var pages = await PageSession.SignedIn(factory, role, country);
            var api = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await factory.TokenFor(role, country));
            return new Caller(name, pages, api);
        }

        /// <summary>A script presenting a bearer token on every path, pages included.</summary>
        public static Caller BearerOnly(AppFactory factory, string name, string token)
        {
            var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return new Caller(name, new PageSession(client), client);
        }

        public async Task<(HttpStatusCode, Uri?)> Send(EndpointKey endpoint, MatrixIds ids)
        {
            var client = endpoint.Path.StartsWith("/api", StringComparison.Ordinal) ? api : pages.Client;
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), AccessTable.Url(endpoint.Path, ids));
            if (endpoint.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent(AccessTable.Body(endpoint), Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            return (response.StatusCode, response.Headers.Location);
        }
    }
}

public sealed record EndpointKey(string Method, string Path)
{
    public override string ToString() => $"{Method} {Path}";
}

public enum Outcome { Allowed, SignIn, Refused, Broken }
