using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Pages;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Api;

/// <summary>
/// A user's e-mail language through the API, as the pages' language switch sets it: shown by <c>GET /api/v1/me</c>,
/// set by <c>PUT /api/v1/me/language</c> for the caller alone, refused as problem details when it is not one the
/// e-mail is written in.
/// </summary>
public sealed class MeLanguageTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public MeLanguageTests(AppFactory factory) => _factory = factory;

    private static async Task<string?> LanguageOf(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/me")).Json(HttpStatusCode.OK)).GetProperty("language").GetString();

    [Fact]
    public async Task A_user_chooses_the_language_of_their_own_e_mail_and_an_unknown_one_is_refused()
    {
        var observer = await _factory.ClientFor("Observer");
        var other = await _factory.ClientFor("Observer");
        Assert.Null(await LanguageOf(observer)); // nothing chosen: both languages

        var set = await (await observer.PutAsJsonAsync("/api/v1/me/language", new { language = "RU" })).Json(HttpStatusCode.OK);
        Assert.Equal("ru", set.GetProperty("language").GetString());
        Assert.Equal("ru", await LanguageOf(observer));
        Assert.Null(await LanguageOf(other)); // the caller's own, nobody else's

        var refused = await observer.PutAsJsonAsync("/api/v1/me/language", new { language = "fr" });
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Json(HttpStatusCode.BadRequest);
        Assert.Contains("language \"fr\" is not one of: en, ru", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("language", out _), problem.ToString());
        Assert.Equal("ru", await LanguageOf(observer));

        await (await observer.PutAsJsonAsync("/api/v1/me/language", new { language = (string?)null })).Json(HttpStatusCode.OK);
        Assert.Null(await LanguageOf(observer));
    }

    [Fact]
    public async Task The_language_switch_on_the_pages_shows_in_the_api()
    {
        var email = await _factory.UserFor("Coordinator", "KZ");
        var page = await PageSession.SignedInAs(_factory, email);
        await page.Get("/processes");
        await page.Post("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/processes" });
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        using var scope = _factory.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateTokenAsync(email, "language", days: 1);
        var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal("en", await LanguageOf(api));
    }
}
