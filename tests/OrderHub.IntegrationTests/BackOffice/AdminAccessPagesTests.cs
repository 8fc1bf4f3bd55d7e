using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Access;
using OrderHub.Web.Controllers;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// Users, roles and API keys in a real browser (Debian Chromium through Playwright) against the host on Kestrel and
/// SQLite. An Admin creates a Warehouse user, who works on the Fulfillment pages but is refused the Admin and Orders
/// pages, and whose forged POST to create an Admin (with a valid antiforgery token from its own page) is refused with
/// no user created; once disabled, its open session ends and it cannot sign in again. An Admin creates an API key with
/// only <c>inventory:read</c>: stock reads work, placing an order is forbidden, and once revoked the key is refused.
/// Screenshots: <c>admin-users.png</c>, <c>admin-user.png</c>, <c>admin-denied.png</c>, <c>admin-api-clients.png</c>,
/// <c>admin-api-key.png</c>.
/// </summary>
public sealed class AdminAccessPagesTests : IAsyncLifetime
{
    private const string WarehouseEmail = "wally.warehouse@orderhub.test";
    private const string WarehousePassword = "Warehouse-Pass-123";
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
    public async Task Admin_creates_a_warehouse_user_who_works_in_fulfillment_is_refused_elsewhere_and_stops_at_once_when_disabled()
    {
        SkipWithoutChromium();
        var admin = await _host.SignedInAsync(OrderHubApp.AdminEmail, OrderHubApp.AdminPassword);
        await admin.ClickAsync("header nav a:has-text('Admin')");
        await admin.WaitForURLAsync("**/admin/users");

        // A password under the policy is refused on the page, and nobody is created.
        await admin.FillAsync("#email", WarehouseEmail);
        await admin.FillAsync("#displayName", "Wally Warehouse");
        await admin.FillAsync("#password", "short");
        await admin.CheckAsync("[data-testid=create-user] input[name=roles][value=Warehouse]");
        await admin.ClickAsync("[data-testid=create-user] button[type=submit]");
        await ExpectAsync(admin, "error", "at least 10 characters");
        (await admin.InputValueAsync("#email")).ShouldBe(WarehouseEmail); // the form keeps what was typed
        (await FindUserAsync(WarehouseEmail)).ShouldBeNull();

        await admin.FillAsync("#password", WarehousePassword);
        await admin.ClickAsync("[data-testid=create-user] button[type=submit]");
        await ExpectAsync(admin, "notice", $"Created {WarehouseEmail}");
        var row = admin.Locator($"[data-testid=users] tr[data-email='{WarehouseEmail}']");
        (await row.Locator("[data-testid=roles]").InnerTextAsync()).ShouldBe("Warehouse");
        (await row.Locator("[data-testid=state]").InnerTextAsync()).ShouldContain("Active");
        await StaffBrowser.ScreenshotAsync(admin, "admin-users");

        // The Warehouse user works where Warehouse works, and sees no Admin entry.
        var warehouse = await _host.SignedInAsync(WarehouseEmail, WarehousePassword);
        (await warehouse.Locator("header nav a[href='/admin/users']").CountAsync()).ShouldBe(0);
        (await warehouse.GotoAsync(_host.BaseUrl + "/fulfillment/pick-lists"))!.Status.ShouldBe(200);
        (await warehouse.InnerTextAsync("h1")).ShouldBe("Pick lists");

        // ...and is refused the Admin pages and the Orders pages.
        foreach (var refused in new[] { "/admin/users", "/admin/api-clients", "/admin/audit", "/orders" })
        {
            await warehouse.GotoAsync(_host.BaseUrl + refused);
            warehouse.Url.ShouldContain("/account/denied", customMessage: refused);
            (await warehouse.InnerTextAsync("h1")).ShouldBe("Access denied");
        }

        await StaffBrowser.ScreenshotAsync(warehouse, "admin-denied");

        // A forged POST with a valid antiforgery token taken from its own page: refused, and no Admin is created.
        await warehouse.GotoAsync(_host.BaseUrl + "/fulfillment/pick-lists");
        var token = await warehouse.Locator("form.signout input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        token.ShouldNotBeNullOrEmpty();
        var form = warehouse.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("email", "forged-admin@orderhub.test");
        form.Set("password", "Forged-Admin-Pass-1");
        form.Set("roles", "Admin");
        var forged = await warehouse.Context.APIRequest.PostAsync(_host.BaseUrl + "/admin/users", new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
        forged.Status.ShouldBeOneOf(302, 403);
        if (forged.Status == 302)
        {
            forged.Headers["location"].ShouldContain("/account/denied");
        }

        (await FindUserAsync("forged-admin@orderhub.test")).ShouldBeNull();
        var user = await FindUserAsync(WarehouseEmail);
        var roleForm = warehouse.Context.APIRequest.CreateFormData();
        roleForm.Set("__RequestVerificationToken", token!);
        roleForm.Append("roles", "Admin");
        roleForm.Append("roles", "Warehouse");
        (await warehouse.Context.APIRequest.PostAsync($"{_host.BaseUrl}/admin/users/{user!.Id}/roles", new APIRequestContextOptions { Form = roleForm, MaxRedirects = 0 }))
            .Status.ShouldBeOneOf(302, 403);
        (await RolesOfAsync(WarehouseEmail)).ShouldBe(["Warehouse"]);

        // An Admin cannot disable themself.
        await admin.GotoAsync(_host.BaseUrl + "/admin/users");
        await admin.ClickAsync($"[data-testid=users] tr[data-email='{OrderHubApp.AdminEmail}'] a:has-text('Manage')");
        await admin.ClickAsync("[data-testid=disable]");
        await ExpectAsync(admin, "error", "You cannot disable your own account.");
        (await FindUserAsync(OrderHubApp.AdminEmail))!.LockoutEnd.ShouldBeNull();

        // Disabled: the Warehouse user's open session ends at its next request, and it cannot sign in again.
        await admin.GotoAsync(_host.BaseUrl + "/admin/users");
        await admin.ClickAsync($"[data-testid=users] tr[data-email='{WarehouseEmail}'] a:has-text('Manage')");
        await admin.ClickAsync("[data-testid=disable]");
        await ExpectAsync(admin, "notice", "Disabled");
        (await admin.Locator("[data-testid=disabled]").CountAsync()).ShouldBe(1);
        await StaffBrowser.ScreenshotAsync(admin, "admin-user");

        await warehouse.GotoAsync(_host.BaseUrl + "/fulfillment/pick-lists");
        warehouse.Url.ShouldContain("/account/login");
        await _host.SignInAsync(warehouse, WarehouseEmail, WarehousePassword);
        (await warehouse.InnerTextAsync(".errors")).ShouldContain(AccountController.FailedMessage);

        // Enabled again with a new password: the old one no longer works, the new one does.
        await admin.ClickAsync("[data-testid=enable]");
        await ExpectAsync(admin, "notice", "Enabled");
        await admin.FillAsync("#password", "Warehouse-Pass-456");
        await admin.ClickAsync("[data-testid=password-form] button[type=submit]");
        await ExpectAsync(admin, "notice", "Password reset");
        await _host.SignInAsync(warehouse, WarehouseEmail, WarehousePassword);
        (await warehouse.InnerTextAsync(".errors")).ShouldContain(AccountController.FailedMessage);
        await _host.SignInAsync(warehouse, WarehouseEmail, "Warehouse-Pass-456");
        await warehouse.WaitForSelectorAsync("[data-testid=signed-in-user]");
        _host.Violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    [Fact]
    public async Task Admin_creates_a_key_with_one_scope_that_reads_stock_is_refused_elsewhere_and_is_refused_at_once_when_revoked()
    {
        SkipWithoutChromium();
        var sku = await SourcingSetup.WineAsync(_host.Api, "ADMKEY", ("NAPA-WH", 5));
        var admin = await _host.SignedInAsync(OrderHubApp.AdminEmail, OrderHubApp.AdminPassword);
        await admin.GotoAsync(_host.BaseUrl + "/admin/api-clients");
        (await admin.Locator("[data-testid=create-client] input[name=scopes]").CountAsync()).ShouldBe(OrderHub.BuildingBlocks.Security.ApiScopes.All.Count);

        // No scope chosen: refused on the page.
        await admin.FillAsync("#name", "Stock widget");
        await admin.ClickAsync("[data-testid=create-client] button[type=submit]");
        await ExpectAsync(admin, "error", "Choose at least one scope.");

        await admin.CheckAsync("[data-testid=create-client] input[name=scopes][value='inventory:read']");
        await admin.ClickAsync("[data-testid=create-client] button[type=submit]");
        var key = await admin.InnerTextAsync("[data-testid=api-key]");
        key.ShouldStartWith("oh_");
        (await admin.InnerTextAsync("[data-testid=scopes]")).ShouldBe("inventory:read");
        await StaffBrowser.ScreenshotAsync(admin, "admin-api-key");

        // Stored hashed only: the key itself is nowhere in the database row.
        var stored = await _host.App.InScopeAsync(sp => sp.GetRequiredService<AccessDbContext>().ApiClients.AsNoTracking().SingleAsync(c => c.Name == "Stock widget", Ct));
        stored.KeyHash.ShouldBe(ApiKeys.Hash(key));
        stored.KeyHash.ShouldNotContain(key);

        using var widget = _host.Client(key);
        (await widget.GetAsync($"/api/v1/inventory/{sku}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OrderHubApp.PlaceOrderAsync(widget, Infrastructure.Orders.ValidBody(email: "widget@example.com", sku: sku))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await widget.GetAsync("/api/v1/orders", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await widget.PutAsJsonAsync($"/api/v1/inventory/reorder-points/NAPA-WH/{sku}", new { reorderPoint = 1, reorderQuantity = 2 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The list shows the client without its key; a page reload never shows the key again.
        await admin.GotoAsync(_host.BaseUrl + "/admin/api-clients");
        var row = admin.Locator("[data-testid=api-clients] tr[data-name='Stock widget']");
        (await row.Locator("[data-testid=scopes]").InnerTextAsync()).ShouldBe("inventory:read");
        (await row.InnerTextAsync()).ShouldContain(ApiKeys.Prefix(key));
        (await admin.ContentAsync()).ShouldNotContain(key);
        await StaffBrowser.ScreenshotAsync(admin, "admin-api-clients");

        // Revoked: refused at once (the cached look-up is dropped), while the other clients keep working.
        await row.Locator("[data-testid=revoke]").ClickAsync();
        await ExpectAsync(admin, "notice", "Revoked");
        (await admin.Locator("[data-testid=api-clients] tr[data-name='Stock widget'] [data-testid=state]").InnerTextAsync()).ShouldContain("Revoked");
        (await widget.GetAsync($"/api/v1/inventory/{sku}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.Api.GetAsync($"/api/v1/inventory/{sku}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    /// <summary>Waits for the page's notice or error to say <paramref name="text"/> (a page before it may show another).</summary>
    private static Task ExpectAsync(IPage page, string kind, string text) =>
        page.Locator($"[data-testid={kind}]", new PageLocatorOptions { HasText = text }).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    private static void SkipWithoutChromium()
    {
        if (!StaffBrowser.Available)
        {
            Assert.Skip($"Chromium is not installed at {StaffBrowser.ChromiumPath} (apt-get install chromium; .ci/run does).");
        }
    }

    private Task<StaffUser?> FindUserAsync(string email) =>
        _host.App.InScopeAsync(sp => sp.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email));

    private Task<List<string>> RolesOfAsync(string email) =>
        _host.App.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            return (await users.GetRolesAsync((await users.FindByEmailAsync(email))!)).ToList();
        });

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
