using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Access;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The central audit log in a real browser (Debian Chromium through Playwright) against the host on Kestrel and SQLite:
/// an order placed by an API client, a user created by the Admin and a rule changed by a Compliance user are each
/// listed with who, when, what and the body (payment token removed); searching by actor, action and subject narrows the
/// list; reads are never recorded. The Admin sees personal data; a Compliance user sees the same entries with emails,
/// names, addresses and birth dates masked, and no Users or API clients pages. Screenshots: <c>audit-admin.png</c>,
/// <c>audit-masked.png</c>.
/// </summary>
public sealed class AuditLogPagesTests : IAsyncLifetime
{
    private const string CustomerEmail = "grace.hopper@example.com";
    private const string ComplianceEmail = "carla.compliance@orderhub.test";
    private const string CompliancePassword = "Compliance-Pass-123";
    private const string Admin = $"staff:{OrderHubApp.AdminEmail}";
    private readonly StaffBrowser _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (StaffBrowser.Available)
        {
            await _host.StartAsync();
        }
    }

    [Fact]
    public async Task Staff_and_api_actions_are_listed_with_who_when_what_searchable_and_personal_data_is_shown_only_to_admin()
    {
        if (!StaffBrowser.Available)
        {
            Assert.Skip($"Chromium is not installed at {StaffBrowser.ChromiumPath} (apt-get install chromium; .ci/run does).");
        }

        var placed = await OrderHubApp.PlaceOrderAsync(_host.Api, Infrastructure.Orders.ValidBody(email: CustomerEmail));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _host.Api.GetAsync("/api/v1/orders", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The Admin creates a Compliance user on the page.
        var admin = await _host.SignedInAsync(OrderHubApp.AdminEmail, OrderHubApp.AdminPassword);
        await admin.GotoAsync(_host.BaseUrl + "/admin/users");
        await admin.FillAsync("#email", ComplianceEmail);
        await admin.FillAsync("#displayName", "Carla Compliance");
        await admin.FillAsync("#password", CompliancePassword);
        await admin.CheckAsync("[data-testid=create-user] input[name=roles][value=Compliance]");
        await admin.ClickAsync("[data-testid=create-user] button[type=submit]");
        await admin.Locator("[data-testid=notice]", new PageLocatorOptions { HasText = "Created" }).WaitForAsync();

        // The Compliance user corrects a state rule (an ordinary staff action, recorded by the host with its form).
        var compliance = await _host.SignedInAsync(ComplianceEmail, CompliancePassword);
        await compliance.GotoAsync(_host.BaseUrl + "/compliance/rules/CA");
        var version = await compliance.InnerTextAsync("[data-testid=rule-version]");
        await compliance.FillAsync("#reason", "Checked against the 2026 statute");
        await compliance.ClickAsync("form[action='/compliance/rules/CA'] button[type=submit]");
        await compliance.Locator("[data-testid=rule-version]", new PageLocatorOptions { HasNotText = version }).WaitForAsync();

        // The Admin's view: who, when, what, in full.
        await admin.GotoAsync(_host.BaseUrl + "/admin/audit");
        var order = Row(admin, "PlaceOrder");
        (await order.Locator("[data-testid=actor]").InnerTextAsync()).ShouldBe("api:Bootstrap client (test-a)");
        (await order.Locator("[data-testid=action]").InnerTextAsync()).ShouldContain("POST /api/v1/orders → 201");
        var orderBody = await order.Locator("[data-testid=after]").InnerTextAsync();
        orderBody.ShouldContain(CustomerEmail);
        orderBody.ShouldContain("1985-12-10");
        orderBody.ShouldContain(AuditRedaction.Removed); // the payment token
        orderBody.ShouldNotContain("tok_visa");

        var created = Row(admin, "Users.Create");
        (await created.Locator("[data-testid=actor]").InnerTextAsync()).ShouldBe(Admin);
        (await created.Locator("[data-testid=subject]").InnerTextAsync()).ShouldBe(ComplianceEmail);
        var createdBody = await created.Locator("[data-testid=after]").InnerTextAsync();
        createdBody.ShouldContain("\"roles\":[\"Compliance\"]");
        createdBody.ShouldContain("Carla Compliance");

        var rule = Row(admin, "Compliance.Rules.Edit");
        (await rule.Locator("[data-testid=actor]").InnerTextAsync()).ShouldBe($"staff:{ComplianceEmail}");
        (await rule.Locator("[data-testid=subject]").InnerTextAsync()).ShouldBe("state=CA");
        (await rule.Locator("[data-testid=after]").InnerTextAsync()).ShouldContain("Checked against the 2026 statute");
        (await admin.ContentAsync()).ShouldNotContain(CompliancePassword);
        await StaffBrowser.ScreenshotAsync(admin, "audit-admin");

        // Searchable by actor, action and subject; reads (GET) are never recorded.
        await admin.FillAsync("[data-testid=audit-search] input[name=actor]", "api:");
        await admin.ClickAsync("[data-testid=audit-search] button[type=submit]");
        await admin.WaitForURLAsync("**actor=api*");
        (await admin.Locator("[data-testid=audit] [data-testid=actor]").AllInnerTextsAsync()).ShouldAllBe(a => a.StartsWith("api:", StringComparison.Ordinal));
        await admin.GotoAsync(_host.BaseUrl + "/admin/audit?q=users.create");
        (await admin.Locator("[data-testid=entry]").CountAsync()).ShouldBe(1);
        await admin.GotoAsync(_host.BaseUrl + "/admin/audit?subject=state%3DCA&from=" + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (await admin.Locator("[data-testid=entry]").CountAsync()).ShouldBe(1);
        await admin.GotoAsync(_host.BaseUrl + "/admin/audit?to=2000-01-01");
        (await admin.Locator("[data-testid=no-entries]").CountAsync()).ShouldBe(1);
        var methods = await _host.App.InScopeAsync(sp => sp.GetRequiredService<AccessDbContext>().AuditEntries.AsNoTracking().Select(e => e.Method).Distinct().ToListAsync(Ct));
        methods.ShouldNotContain("GET");

        // Compliance may read the audit, masked: the same entries, without the personal data.
        await compliance.GotoAsync(_host.BaseUrl + "/admin/audit");
        (await compliance.Locator("[data-testid=masked-note]").CountAsync()).ShouldBe(1);
        (await compliance.Locator("[data-testid=admin-nav] a").AllInnerTextsAsync()).ShouldBe(["Audit log"]);
        var maskedOrder = await Row(compliance, "PlaceOrder").Locator("[data-testid=after]").InnerTextAsync();
        maskedOrder.ShouldContain("g***@example.com");
        maskedOrder.ShouldContain(AuditRedaction.Masked);
        maskedOrder.ShouldContain("CAB-2019-750"); // what was ordered is not personal
        (await Row(compliance, "Users.Create").Locator("[data-testid=subject]").InnerTextAsync()).ShouldBe("c***@orderhub.test");
        var page = await compliance.InnerHTMLAsync("[data-testid=audit]");
        foreach (var personal in new[] { CustomerEmail, "1985-12-10", "Lovelace-grace.hopper", "Main St", ComplianceEmail.Split('@')[0] + "@", "Carla Compliance" })
        {
            // The actor column names staff by their work login, so the Compliance user's own login appears there once
            // as "staff:carla.compliance@..."; everything else is masked.
            if (personal == ComplianceEmail.Split('@')[0] + "@")
            {
                page.Replace($"staff:{ComplianceEmail}", string.Empty, StringComparison.Ordinal).ShouldNotContain(personal);
                continue;
            }

            page.ShouldNotContain(personal);
        }

        await StaffBrowser.ScreenshotAsync(compliance, "audit-masked");

        // ...and may not manage users.
        await compliance.GotoAsync(_host.BaseUrl + "/admin/users");
        compliance.Url.ShouldContain("/account/denied");
        _host.Violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    private static ILocator Row(IPage page, string action) =>
        page.Locator("[data-testid=entry]", new PageLocatorOptions { Has = page.Locator($"[data-testid=action] strong:text-is('{action}')") });

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
