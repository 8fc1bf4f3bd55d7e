using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Inventory.Features.RaiseReorderSuggestions;
using OrderHub.Modules.Notifications.Features.ScanForStaffAlerts;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// The alerts page in a real browser (Debian Chromium through Playwright) against the host on a real Kestrel port: open
/// alerts from three sources (a Compliance hold, low stock, work to pick) each say what to do and link to the page to act
/// on; staff acknowledge one with a note (antiforgery form), it moves to the history with who and when, and a second tab
/// still showing it is told it was already acknowledged. Screenshot <c>alerts.png</c> in <c>ORDERHUB_SCREENSHOTS</c>
/// (else the temp folder's <c>orderhub-screens</c>).
/// </summary>
public sealed class AlertsPageTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int Wait = 60_000;
    private TestDatabase? _database;
    private OrderHubApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _api;
    private string _baseUrl = string.Empty;
    private readonly List<string> _violations = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Screens =>
        Environment.GetEnvironmentVariable("ORDERHUB_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "orderhub-screens");

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
        _api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        _api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    [Fact]
    public async Task Staff_see_what_to_do_follow_the_link_acknowledge_with_a_note_and_find_it_in_the_history()
    {
        var page = await NewPageAsync();
        var held = await OrderHubApp.PlaceOrderAsync(_api!, Infrastructure.Orders.ValidBody(email: "alerts-page@example.com", dateOfBirth: null));
        held.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = await held.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var orderId = order.GetProperty("id").GetGuid();
        var number = order.GetProperty("number").GetString()!;
        var sku = await SourcingSetup.WineAsync(_api!, "ALRTPG", ("NAPA-WH", 5));
        (await _api!.PutAsJsonAsync($"/api/v1/inventory/reorder-points/NAPA-WH/{sku}", new { reorderPoint = 10, reorderQuantity = 24 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SourcingSetup.PlaceReadyAsync(_api!, Infrastructure.Orders.ValidBody(email: "alerts-pick@example.com", sku: sku, quantity: 1, region: "CA", postalCode: "94558"), Ct);
        await _app!.InScopeAsync(sp => sp.GetRequiredService<RaiseReorderSuggestionsJob>().RunAsync(Ct));
        await _app.InScopeAsync(sp => sp.GetRequiredService<ScanForStaffAlertsJob>().RunAsync(Ct));
        await SourcingSetup.SettleAsync(_app);

        await SignInAsync(page);
        await page.ClickAsync("nav a[href='/notifications/alerts']");
        await page.WaitForSelectorAsync("[data-testid=open-alert]");
        var compliance = page.Locator($"[data-testid=open-alert][data-kind=ComplianceHold]:has-text('{number}')");
        (await compliance.CountAsync()).ShouldBe(1);
        (await compliance.Locator("[data-testid=what-to-do]").InnerTextAsync()).ShouldContain("release the hold");
        (await page.Locator($"[data-testid=open-alert][data-kind=LowStock]:has-text('{sku}')").CountAsync()).ShouldBe(1);
        (await page.Locator("[data-testid=open-alert][data-kind=StartPicking]:has-text('NAPA-WH')").CountAsync()).ShouldBe(1);
        await SaveScreenshotAsync(page, "alerts-open");

        await compliance.Locator("[data-testid=act-link]").ClickAsync();
        await page.WaitForURLAsync($"**/orders/{orderId}", new PageWaitForURLOptions { Timeout = Wait });
        (await page.ContentAsync()).ShouldContain(number);

        var stale = await NewPageAsync(page.Context);
        await stale.GotoAsync(_baseUrl + "/notifications/alerts");
        await page.GotoAsync(_baseUrl + "/notifications/alerts");
        compliance = page.Locator($"[data-testid=open-alert][data-kind=ComplianceHold]:has-text('{number}')");
        await compliance.Locator("input[name=note]").FillAsync("Asked the customer for a birth date");
        await compliance.Locator("button[type=submit]").ClickAsync();
        (await page.Locator("[data-testid=done]").InnerTextAsync()).ShouldContain(number);
        (await page.Locator($"[data-testid=open-alert][data-kind=ComplianceHold]:has-text('{number}')").CountAsync()).ShouldBe(0);
        var row = page.Locator($"[data-testid=alert-history] tr:has-text('{number}')");
        (await row.InnerTextAsync()).ShouldContain("Asked the customer for a birth date");
        (await row.InnerTextAsync()).ShouldContain($"staff:{OrderHubApp.AdminEmail}");
        await SaveScreenshotAsync(page, "alerts");

        await stale.Locator($"[data-testid=open-alert][data-kind=ComplianceHold]:has-text('{number}') button[type=submit]").ClickAsync();
        (await stale.Locator("[data-testid=error]").InnerTextAsync()).ShouldContain("already acknowledged by staff:");
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screens);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, $"{name}.png"), FullPage = true });
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(_baseUrl + "/account/login");
        await page.FillAsync("#Email", OrderHubApp.AdminEmail);
        await page.FillAsync("#Password", OrderHubApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
    }

    private async Task<IPage> NewPageAsync(IBrowserContext? shared = null)
    {
        if (_browser is null)
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does).");
        }

        var context = shared ?? await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _violations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _api?.Dispose();
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
