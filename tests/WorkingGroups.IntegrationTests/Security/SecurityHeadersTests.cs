using System.Net;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>The headers that keep a browser from running, framing or leaking what it should not.</summary>
public sealed class SecurityHeadersTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public SecurityHeadersTests(AppFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/")]                      // a page
    [InlineData("/account/sign-in")]       // a form
    [InlineData("/answer/not-a-token")]    // the page an agency opens from an e-mail: its token must not leak
    [InlineData("/api/v1/processes")]      // an API refusal (401 problem)
    [InlineData("/api/v1/nothing-here")]   // a 404 problem
    public async Task Every_answer_forbids_inline_script_framing_sniffing_and_referrers(string path)
    {
        using var response = await _factory.CreateClient().GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_or_style_the_policy_would_block()
    {
        var client = await _factory.ClientFor("Admin");
        foreach (var path in new[] { "/", "/definitions", "/definitions/kz-establishment", "/processes", "/dashboard", "/dashboard/steps", "/answer/not-a-token" })
        {
            var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync(); // the refused answer link is a page too
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotContain(" style=\"", html);
            Assert.DoesNotContain(" onclick=", html);
        }
    }

    [Fact]
    public async Task Behind_a_proxy_the_forwarded_scheme_makes_the_sign_in_cookie_secure()
    {
        await using var proxied = new AppFactory().With("Proxy:ForwardedHeaders", "true");

        using var plain = await proxied.CreateClient().GetAsync("/account/sign-in");
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var viaProxy = await proxied.CreateClient().SendAsync(request);

        // The antiforgery cookie is the first cookie a visitor gets: marked Secure once the proxy says HTTPS.
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(viaProxy.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
