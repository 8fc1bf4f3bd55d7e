using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>Security headers on every answer; Swagger and HSTS as each environment needs them.</summary>
public sealed class SecurityDefaultsTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Theory]
    [InlineData("/account/login", "default")]
    [InlineData("/api/v1/products/CAB-2019-750", "default")] // a 401 problem details answer
    [InlineData("/no-such-page", "default")]
    [InlineData("/health", "default")]
    [InlineData("/swagger/index.html", "swagger")]
    [InlineData("/hangfire", "hangfire")] // a redirect to the sign-in page
    public async Task Every_answer_carries_the_security_headers(string path, string policy)
    {
        var response = await fixture.App.CreateApiClient(apiKey: null).GetAsync(path, TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-eval");
        if (policy == "default")
        {
            csp.ShouldNotContain("unsafe-inline");
            csp.ShouldContain("style-src 'self';");
        }
    }

    [Fact]
    public async Task Production_serves_no_swagger_unless_enabled_and_sends_hsts_over_https()
    {
        await using var database = TestDatabase.CreateSqlite();
        var production = new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["OrderHub:Payments:Gateway"] = "Test",
            ["OrderHub:Swagger:Enabled"] = null, // the default
        };
        await using var app = new OrderHubApp(database, production);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://orderhub.example"), AllowAutoRedirect = false });

        (await client.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var login = await client.GetAsync("/account/login", TestContext.Current.CancellationToken);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        login.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");

        await using var enabled = new OrderHubApp(database, new Dictionary<string, string?>(production) { ["OrderHub:Swagger:Enabled"] = "true" });
        var swagger = await enabled.CreateClient().GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);
        swagger.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
