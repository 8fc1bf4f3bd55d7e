using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Access;
using OrderHub.Web.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>A real browser (Debian Chromium through Playwright) against the host on a real Kestrel port.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private TestDatabase? _database;
    private OrderHubApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _database = TestDatabase.CreateSqlite();
        _app = new OrderHubApp(_database);
        _app.UseKestrel(0);
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    [Fact]
    public async Task Staff_sign_in_reaches_the_dashboard_where_every_module_reports_and_admins_open_hangfire()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(_baseUrl + "/");
        page.Url.ShouldContain("/account/login");

        await page.FillAsync("#Email", OrderHubApp.AdminEmail);
        await page.FillAsync("#Password", OrderHubApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
        (await page.InnerTextAsync("[data-testid=signed-in-user]")).ShouldBe(OrderHubApp.AdminEmail);
        var rows = await page.QuerySelectorAllAsync("[data-testid=module-status] tbody tr");
        rows.Count.ShouldBe(ModuleCatalog.All.Count);
        (await page.InnerTextAsync("[data-testid=module-status]")).ShouldNotContain("unreachable");

        await page.GotoAsync(_baseUrl + "/hangfire");
        (await page.TitleAsync()).ShouldContain("OrderHub jobs");
    }

    [Fact]
    public async Task Back_office_pages_swagger_and_hangfire_work_under_the_content_security_policy_without_a_violation()
    {
        var page = await NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));");
        using var api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        var placed = await OrderHubApp.PlaceOrderAsync(api, Infrastructure.Orders.ValidBody(email: "csp@example.com"));
        var number = System.Text.Json.JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("number").GetString()!;

        async Task VisitAsync(string path, string readySelector, Func<Task>? act = null)
        {
            var response = await page.GotoAsync(_baseUrl + path);
            (await response!.HeaderValueAsync("content-security-policy")).ShouldNotBeNull($"{path} has no Content-Security-Policy");
            await page.WaitForSelectorAsync(readySelector);
            if (act is not null)
            {
                await act();
            }

            violations.AddRange(((await page.EvaluateAsync<string[]?>("() => window.__csp || []")) ?? []).Select(v => $"{page.Url}: {v}"));
        }

        await VisitAsync("/account/login", "#Email");
        await SignInAsync(page);
        await VisitAsync("/", "[data-testid=module-status]");
        await VisitAsync("/orders?email=csp@example.com", $"text={number}", () => page.ClickAsync($"text={number}"));
        await page.WaitForSelectorAsync("[data-testid=timeline]");
        await VisitAsync("/inventory?sku=CAB-2019-750", "[data-testid=stock-by-location]");
        await VisitAsync("/imports", "[data-testid=stock-file]");
        await VisitAsync("/compliance/rules/ND", "#limits");
        // Swagger UI renders the operations, then one is opened (parameters, schemas, examples).
        await VisitAsync("/swagger/index.html", ".opblock-summary", async () =>
        {
            await page.ClickAsync(".opblock-summary >> nth=0");
            await page.WaitForSelectorAsync(".opblock-body");
        });
        // Hangfire's dashboard draws its graphs with Chart.js (which injects a stylesheet).
        await VisitAsync("/hangfire", "canvas");
        await VisitAsync("/hangfire/recurring", "table");

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_password_keeps_staff_on_the_sign_in_page_with_an_error()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(_baseUrl + "/account/login");
        await page.FillAsync("#Email", OrderHubApp.AdminEmail);
        await page.FillAsync("#Password", "wrong-password-123");
        await page.ClickAsync("button[type=submit]");

        (await page.InnerTextAsync(".errors")).ShouldContain("Email or password is wrong.");
        page.Url.ShouldContain("/account/login");
    }

    [Fact]
    public async Task Customer_service_finds_an_order_in_the_inbox_reads_its_timeline_and_cancels_it()
    {
        var page = await NewPageAsync();
        using var api = new HttpClient { BaseAddress = new Uri(_baseUrl) }; // the host listens on a real port here
        api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        var placed = await OrderHubApp.PlaceOrderAsync(api, Infrastructure.Orders.ValidBody(email: "inbox@example.com"));
        var number = System.Text.Json.JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("number").GetString()!;
        await SignInAsync(page);

        await page.GotoAsync(_baseUrl + "/orders?email=inbox@example.com");
        await page.ClickAsync($"text={number}");
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("ReadyToFulfill");
        (await page.InnerTextAsync("[data-testid=timeline]")).ShouldContain("PaymentAuthorized");

        await page.FillAsync("#reason", "Customer called to cancel");
        await page.ClickAsync("text=Cancel order");
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("Cancelled");
        (await page.InnerTextAsync("[data-testid=timeline]")).ShouldContain($"staff:{OrderHubApp.AdminEmail}");
    }

    [Fact]
    public async Task Compliance_staff_correct_a_state_rule_and_the_change_is_a_new_audited_version()
    {
        var page = await NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync(_baseUrl + "/compliance/rules");
        (await page.InnerTextAsync("[data-testid=rules]")).ShouldContain("Utah");

        await page.GotoAsync(_baseUrl + "/compliance/rules/ND");
        var before = int.Parse(await page.InnerTextAsync("[data-testid=rule-version]"), System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#limits", "2, cases-of-9L, month");
        await page.FillAsync("#reason", "Checked the statute again");
        await page.ClickAsync("text=Save as a new version");

        (await page.InnerTextAsync("[data-testid=rule-version]")).ShouldBe((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var versions = await page.InnerTextAsync("[data-testid=versions]");
        versions.ShouldContain("Checked the statute again");
        versions.ShouldContain($"staff:{OrderHubApp.AdminEmail}");
    }

    [Fact]
    public async Task Warehouse_staff_see_a_sku_by_location_with_what_an_order_reserved_and_open_the_location_shelf()
    {
        var page = await NewPageAsync();
        using var api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        const string sku = "CAB-2019-750";
        var before = await StockOfAsync(api, sku);
        (await OrderHubApp.PlaceOrderAsync(api, Infrastructure.Orders.ValidBody(email: "stock-page@example.com", sku: sku, quantity: 1))).EnsureSuccessStatusCode();
        await SignInAsync(page);

        await page.GotoAsync(_baseUrl + "/inventory");
        await page.FillAsync("#sku", sku);
        await page.ClickAsync("text=Look up");
        (await page.InnerTextAsync("[data-testid=total-available]")).ShouldBe((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var byLocation = await page.InnerTextAsync("[data-testid=stock-by-location]");
        byLocation.ShouldContain("NAPA-WH");

        await page.ClickAsync("[data-testid=stock-by-location] >> text=NAPA-WH");
        (await page.InnerTextAsync("[data-testid=location-code]")).ShouldBe("NAPA-WH");
        (await page.InnerTextAsync("[data-testid=location-stock]")).ShouldContain(sku);

        await page.GotoAsync(_baseUrl + "/inventory?sku=NO-SUCH-SKU");
        (await page.InnerTextAsync(".errors")).ShouldContain("NO-SUCH-SKU");
    }

    [Fact]
    public async Task Warehouse_staff_upload_opening_stock_see_the_refused_line_and_a_second_upload_of_the_file_changes_nothing()
    {
        var page = await NewPageAsync();
        using var api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        const string sku = "CAB-2019-750";
        var before = await StockOfAsync(api, sku);
        var file = new FilePayload
        {
            Name = "opening-stock.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"locationCode,sku,quantity,lot,bin\nNAPA-WH,{sku},12,L2026-001,A-01-1\nNAPA-WH,NO-SUCH-SKU,5,,\n"),
        };
        await SignInAsync(page);

        await page.GotoAsync(_baseUrl + "/imports");
        await page.SetInputFilesAsync("[data-testid=stock-file]", file);
        await page.ClickAsync("text=Import stock");
        (await page.InnerTextAsync("[data-testid=accepted]")).ShouldBe("1");
        var report = await page.InnerTextAsync("[data-testid=import-report]");
        report.ShouldContain("NO-SUCH-SKU");
        report.ShouldContain("3"); // the refused file line
        (await StockOfAsync(api, sku)).ShouldBe(before + 12);

        await page.SetInputFilesAsync("[data-testid=stock-file]", file);
        await page.ClickAsync("text=Import stock");
        (await StockOfAsync(api, sku)).ShouldBe(before + 12);
    }

    [Fact]
    public async Task Import_forms_follow_the_staff_role_and_a_forged_upload_outside_it_is_refused()
    {
        var page = await NewPageAsync();
        using var api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        const string password = "Role-Check-2026!";
        await CreateStaffAsync("warehouse@orderhub.test", password, "Warehouse");
        await CreateStaffAsync("service@orderhub.test", password, "CustomerService");

        await SignInAsync(page, "warehouse@orderhub.test", password);
        await page.GotoAsync(_baseUrl + "/imports");
        (await page.QuerySelectorAsync("[data-testid=stock-file]")).ShouldNotBeNull();
        (await page.QuerySelectorAsync("[data-testid=products-file]")).ShouldNotBeNull();
        (await page.QuerySelectorAsync("[data-testid=orders-file]")).ShouldBeNull();

        var service = await NewPageAsync();
        await SignInAsync(service, "service@orderhub.test", password);
        await service.GotoAsync(_baseUrl + "/imports");
        (await service.QuerySelectorAsync("[data-testid=orders-file]")).ShouldNotBeNull();
        (await service.QuerySelectorAsync("[data-testid=products-file]")).ShouldBeNull();
        (await service.QuerySelectorAsync("[data-testid=stock-file]")).ShouldBeNull();

        // The orders form (with its valid antiforgery token) re-aimed at the products import: the server refuses it.
        const string sku = "ROLE-FORGED-1";
        await service.SetInputFilesAsync("[data-testid=orders-file]", new FilePayload
        {
            Name = "products.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"sku,name,price,currency\n{sku},Forged,9.99,USD\n"),
        });
        await service.EvalOnSelectorAsync("form[action='/imports/orders']", "f => f.setAttribute('action', '/imports/products')");
        await service.ClickAsync("text=Import orders");
        await service.WaitForURLAsync("**/account/denied**");
        (await service.InnerTextAsync("h1")).ShouldBe("Access denied");
        (await api.GetAsync($"/api/v1/products/{sku}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    private async Task CreateStaffAsync(string email, string password, string role)
    {
        using var scope = _app!.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    private static async Task<int> StockOfAsync(HttpClient api, string sku)
    {
        var json = await api.GetStringAsync($"/api/v1/inventory/{sku}", TestContext.Current.CancellationToken);
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("totalAvailable").GetInt32();
    }

    private Task SignInAsync(IPage page) => SignInAsync(page, OrderHubApp.AdminEmail, OrderHubApp.AdminPassword);

    private async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(_baseUrl + "/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=dashboard]");
    }

    private async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does).");
        }

        var context = await _browser!.NewContextAsync();
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
