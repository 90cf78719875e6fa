using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.Web.Samples;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.IntegrationTests.Samples;

/// <summary>The app started on a data folder, with what its first start prints to the console captured.</summary>
internal sealed class FirstRunHost : IDisposable
{
    private readonly AppFactory _factory;

    public FirstRunHost(AppFactory factory)
    {
        _factory = factory;
        App = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new FirstRunConsole(Console))));
        try
        {
            _ = App.Server; // starts it: migrations, the engine, the first Admin and the samples
        }
        catch
        {
            App.Dispose();
            throw;
        }
    }

    public WebApplicationFactory<Program> App { get; }

    public StringWriter Console { get; } = new();

    /// <summary>A new user with <see cref="TestUsers.Password"/>; returns the e-mail to sign in with.</summary>
    public async Task<string> UserAsync(string role)
    {
        using var scope = App.Services.CreateScope();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddUserAsync(email, role, null, TestUsers.Password);
        return email;
    }

    /// <summary>A client signed in with a fresh Observer's token (reads everything).</summary>
    public async Task<HttpClient> ObserverAsync()
    {
        var email = await UserAsync(Roles.Observer);
        using var scope = App.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateTokenAsync(email, "tests", 1);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A person on the pages, not signed in yet.</summary>
    public Pages.PageSession Browser() =>
        new(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Every process, by country.</summary>
    public async Task<Dictionary<string, JsonElement>> ProcessesAsync()
    {
        using var client = await ObserverAsync();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/processes");
        return all.EnumerateArray().ToDictionary(p => p.GetProperty("country").GetString()!);
    }

    public void Dispose()
    {
        App.Dispose();
        _factory.Dispose();
    }
}
