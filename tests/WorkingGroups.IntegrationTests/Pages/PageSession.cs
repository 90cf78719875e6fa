using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Pages;

/// <summary>A person using the pages over HTTP: a cookie jar, the antiforgery token of the page last read, form posts.</summary>
public sealed partial class PageSession(HttpClient client)
{
    public HttpClient Client { get; } = client;
    public string Html { get; private set; } = "";
    public HttpStatusCode Status { get; private set; }
    public Uri? Location { get; private set; }

    public static PageSession Anonymous(AppFactory factory, string? language = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new PageSession(client);
    }

    public static async Task<PageSession> SignedIn(AppFactory factory, string role, string? country = null, string? language = null) =>
        await SignedInAs(factory, await factory.UserFor(role, country), language);

    /// <summary>Signs in as an existing user with the test password.</summary>
    public static async Task<PageSession> SignedInAs(AppFactory factory, string email, string? language = null)
    {
        var session = Anonymous(factory, language);
        await session.Get("/account/sign-in");
        await session.Post("/account/sign-in", new() { ["Email"] = email, ["Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, session.Status);
        return session;
    }

    public async Task<PageSession> Get(string path)
    {
        await Read(await Client.GetAsync(path));
        return this;
    }

    /// <summary>Posts a form with the antiforgery token of the page last read (unless told not to).</summary>
    public async Task<PageSession> Post(string path, Dictionary<string, string> fields, bool withToken = true)
    {
        if (withToken) fields["__RequestVerificationToken"] = Token();
        await Read(await Client.PostAsync(path, new FormUrlEncodedContent(fields)));
        return this;
    }

    /// <summary>Follows a redirect after a post, as a browser does.</summary>
    public async Task<PageSession> Follow()
    {
        Assert.True(Status is HttpStatusCode.Redirect or HttpStatusCode.Found, $"expected a redirect, got {(int)Status}: {Html}");
        return await Get(Location!.OriginalString);
    }

    public string Token() => TokenInput().Match(Html) is { Success: true } m ? m.Groups[1].Value
        : throw new InvalidOperationException("the page has no antiforgery token: " + Html);

    /// <summary>The text of the error shown next to a form's field (the span after the input named <paramref name="input"/>).</summary>
    public string? ErrorAfter(string form, string input)
    {
        var start = Html.IndexOf($"data-form=\"{form}\"", StringComparison.Ordinal);
        if (start < 0) return null;
        var at = Html.IndexOf($"name=\"{input}\"", start, StringComparison.Ordinal);
        var span = ErrorSpan().Match(Html, at);
        return span.Success ? WebUtility.HtmlDecode(span.Groups[1].Value).Trim() : null;
    }

    private async Task Read(HttpResponseMessage response)
    {
        Status = response.StatusCode;
        Location = response.Headers.Location;
        Html = await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("<span class=\"error\">([^<]*)</span>")]
    private static partial Regex ErrorSpan();
}
