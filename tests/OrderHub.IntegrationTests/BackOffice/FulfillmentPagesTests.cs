using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The Fulfillment back-office in a real browser (Debian Chromium through Playwright) against the host on a real Kestrel
/// port: an order placed through REST is sourced, waved, picked short, packed, and every staff step is on its timeline.
/// Screenshots go to <c>ORDERHUB_SCREENSHOTS</c> (else the temp folder's <c>orderhub-screens</c>).
/// </summary>
public sealed partial class FulfillmentPagesTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Napa = "NAPA-WH";
    private const string Staff = $"staff:{OrderHubApp.AdminEmail}";
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
    public async Task Staff_see_the_sourcing_make_a_wave_pick_short_and_pack_and_each_step_is_on_the_order_timeline()
    {
        var page = await NewPageAsync();
        var sku = InventoryApi.NewSku("PAGES");
        var (orderId, number) = await PlaceSourcedOrderAsync(sku, 2, "L-PAGES-1");
        await SignInAsync(page);

        // The order page says where it ships from and why.
        await page.GotoAsync($"{_baseUrl}/orders/{orderId}");
        (await page.InnerTextAsync("[data-testid=sourcing-plan]")).ShouldContain(Napa);
        (await page.InnerTextAsync("[data-testid=sourcing-considered] tr.chosen")).ShouldContain(Napa);
        (await page.InnerTextAsync("[data-testid=fulfillments]")).ShouldContain("Open");

        // A wave at Napa from the pick lists page (reached from the nav).
        await page.ClickAsync("header nav >> text=Fulfillment");
        page.Url.ShouldEndWith("/fulfillment/pick-lists");
        (await page.InnerTextAsync("[data-testid=locations]")).ShouldContain(Napa);
        await SaveScreenshotAsync(page, "pick-lists");
        await page.SelectOptionAsync("#locationCode", Napa);
        await page.ClickAsync("text=Create pick list");
        await OnPickListPageAsync(page);
        var listUrl = page.Url;
        var listNumber = await page.InnerTextAsync("[data-testid=pick-list-number]");
        (await page.InnerTextAsync("[data-testid=pick-list-status]")).ShouldBe("Open");
        var row = page.Locator("tr[data-testid=pick-item]", new PageLocatorOptions { HasText = number });
        var rowText = await row.InnerTextAsync();
        rowText.ShouldContain("A-01-1");
        rowText.ShouldContain("L-PAGES-1");
        rowText.ShouldContain("2 btl");
        var sequence = int.Parse((await row.Locator(".seq").InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // The printable list is the PDF.
        var pdf = await page.Context.APIRequest.GetAsync(await page.GetAttributeAsync("[data-testid=print]", "href") is { } href ? _baseUrl + href : throw new InvalidOperationException("no print link"));
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldStartWith("application/pdf");
        (await pdf.BodyAsync())[..5].ShouldBe("%PDF-"u8.ToArray());

        // Scanning the item's code highlights its row and puts the cursor in its picked field.
        await page.FillAsync("#scan", $"{listNumber}/{sequence}");
        await page.PressAsync("#scan", "Enter");
        (await row.GetAttributeAsync("class"))!.ShouldContain("scanned");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe($"picked-{sequence}");
        await SaveScreenshotAsync(page, "pick-list");

        // Only 1 of the 2 bottles was in the bin.
        await page.GotoAsync($"{_baseUrl}/fulfillment/pick-lists");
        (await page.InnerTextAsync("[data-testid=pick-lists]")).ShouldContain(listNumber);
        (await page.InnerTextAsync("[data-testid=pick-lists]")).ShouldContain(Staff);
        (await page.InnerTextAsync("[data-testid=nothing-waiting]")).ShouldContain("Nothing is waiting");
        await SaveScreenshotAsync(page, "pick-lists-after-wave");
        await page.GotoAsync(listUrl);
        await page.FillAsync($"#picked-{sequence}", "1");
        await page.ClickAsync("[data-testid=confirm]");
        (await page.InnerTextAsync("[data-testid=pick-list-status]")).ShouldBe("Completed");
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldContain("Confirmed");
        page.Url.ShouldBe(listUrl);
        await SettleAsync();

        await page.GotoAsync($"{_baseUrl}/orders/{orderId}");
        var shortPicked = await page.InnerTextAsync("[data-testid=timeline] tr:has-text('ShortPicked')");
        shortPicked.ShouldContain($"1 of 2 x {sku}");
        shortPicked.ShouldContain(Staff);
        (await page.InnerTextAsync("[data-testid=timeline] tr:has-text('PickingStarted')")).ShouldContain(Staff);

        (await page.InnerTextAsync("[data-testid=timeline] tr:has-text('ShortfallSourced')")).ShouldContain($"{Napa}: 1 x {sku}");

        // Pack at the bench what was picked: OrderHub chooses the boxes.
        await page.ClickAsync("[data-testid=fulfillments] tr:has-text('Picked') >> text=Open");
        await page.WaitForSelectorAsync("[data-testid=fulfillment-status]");
        (await page.InnerTextAsync("[data-testid=fulfillment-status]")).ShouldBe("Picked");
        (await page.InnerTextAsync("[data-testid=fulfillment-lines]")).ShouldContain("1 short");
        await SaveScreenshotAsync(page, "fulfillment-picked");
        await page.ClickAsync("[data-testid=pack]");
        await page.WaitForSelectorAsync("[data-testid=packages]");
        (await page.InnerTextAsync("[data-testid=fulfillment-status]")).ShouldBe("Packed");
        (await page.InnerTextAsync("[data-testid=packages]")).ShouldContain($"1 × {sku}");
        (await page.QuerySelectorAsync("[data-testid=pack]")).ShouldBeNull();
        await SaveScreenshotAsync(page, "fulfillment");
        await SettleAsync();

        // The missing bottle, sourced again, is picked in a second wave and packed: only then is the order Packed.
        await page.GotoAsync($"{_baseUrl}/orders/{orderId}");
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("Picking");
        await page.GotoAsync($"{_baseUrl}/fulfillment/pick-lists");
        await page.SelectOptionAsync("#locationCode", Napa);
        await page.ClickAsync("text=Create pick list");
        await OnPickListPageAsync(page);
        await page.ClickAsync("[data-testid=confirm]");
        (await page.InnerTextAsync("[data-testid=pick-list-status]")).ShouldBe("Completed");
        await SettleAsync();
        await page.GotoAsync($"{_baseUrl}/orders/{orderId}");
        await page.ClickAsync("[data-testid=fulfillments] tr:has-text('Picked') >> text=Open");
        await page.WaitForSelectorAsync("[data-testid=pack]");
        await page.ClickAsync("[data-testid=pack]");
        await page.WaitForSelectorAsync("[data-testid=packages]");
        await SettleAsync();

        await page.GotoAsync($"{_baseUrl}/orders/{orderId}");
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("Packed");
        (await page.InnerTextAsync("[data-testid=timeline] tr:has-text('Packed')")).ShouldContain(Staff);
        (await page.InnerTextAsync("[data-testid=fulfillments]")).ShouldContain("Packed");
        await SaveScreenshotAsync(page, "order");
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages (the scan script is a file)");
    }

    [Fact]
    public async Task Refusals_are_shown_on_the_page_and_change_nothing()
    {
        var page = await NewPageAsync();
        var sku = InventoryApi.NewSku("REFUSE");
        var (orderId, number) = await PlaceSourcedOrderAsync(sku, 2, "L-REFUSE-1");
        await SignInAsync(page);

        // A location with nothing to pick (the select offers only locations with work: forged here).
        await page.GotoAsync($"{_baseUrl}/fulfillment/pick-lists");
        await page.EvalOnSelectorAsync("#locationCode", "s => { const o = document.createElement('option'); o.value = 'TASTING-ROOM'; o.text = 'TASTING-ROOM'; s.add(o); s.value = 'TASTING-ROOM'; }");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("text=Create pick list"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(200);
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("no open fulfillment");

        await page.SelectOptionAsync("#locationCode", Napa);
        await page.ClickAsync("text=Create pick list");
        await OnPickListPageAsync(page);
        var listId = page.Url[^36..];
        var row = page.Locator("tr[data-testid=pick-item]", new PageLocatorOptions { HasText = number });
        var sequence = int.Parse((await row.Locator(".seq").InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // More than listed: the message on the page, what was typed kept, the list still Open.
        await page.FillAsync($"#picked-{sequence}", "3");
        var tooMany = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=confirm]"), r => r.Request.Method == "POST");
        tooMany.Status.ShouldBe(200);
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("put 1 back");
        await SaveScreenshotAsync(page, "pick-list-refused");
        (await page.InputValueAsync($"#picked-{sequence}")).ShouldBe("3");
        (await page.InnerTextAsync("[data-testid=pick-list-status]")).ShouldBe("Open");
        using (var list = JsonDocument.Parse(await _api!.GetStringAsync($"/api/v1/pick-lists/{listId}", Ct)))
        {
            list.RootElement.GetProperty("status").GetString().ShouldBe("Open");
        }

        // A lot that is not in the bin.
        await page.FillAsync($"#picked-{sequence}", "2");
        await page.FillAsync($"#lot-{sequence}", "L-NOPE");
        await page.ClickAsync("[data-testid=confirm]");
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("lot L-NOPE");

        // Packing before picking is refused on the fulfillment page, not with a 500.
        await page.GotoAsync($"{_baseUrl}/orders/{orderId}");
        await page.ClickAsync("[data-testid=fulfillments] >> text=Open");
        await page.WaitForSelectorAsync("[data-testid=fulfillment-status]");
        (await page.InnerTextAsync("[data-testid=fulfillment-status]")).ShouldBe("Picking");
        (await page.QuerySelectorAsync("[data-testid=pack]")).ShouldBeNull();

        // An unknown list is a plain 404.
        (await page.Context.APIRequest.GetAsync($"{_baseUrl}/fulfillment/pick-lists/{Guid.NewGuid()}")).Status.ShouldBe((int)HttpStatusCode.NotFound);
    }

    /// <summary>
    /// After "Create pick list": the new list's number on the page, then its address. Waits on the page's content, not
    /// on navigation or load events, which a loaded CI machine was seen to miss after the page had been served.
    /// </summary>
    private static async Task OnPickListPageAsync(IPage page)
    {
        await page.Locator("[data-testid=pick-list-number]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        PickListUrl().IsMatch(page.Url).ShouldBeTrue(page.Url);
    }

    [GeneratedRegex("/fulfillment/pick-lists/[0-9a-f-]{36}$")]
    private static partial Regex PickListUrl();

    /// <summary>A new SKU received only at Napa (bin A-01-1), ordered to Napa's own region, placed and sourced.</summary>
    private async Task<(Guid Id, string Number)> PlaceSourcedOrderAsync(string sku, int quantity, string lot)
    {
        await InventoryApi.CreateProductAsync(_api!, sku);
        await InventoryApi.ReceiveAsync(_api!, sku, 5, Napa, lot, "A-01-1");
        var response = await OrderHubApp.PlaceOrderAsync(_api!, Infrastructure.Orders.ValidBody(
            email: $"{sku.ToLowerInvariant()}@example.com", sku: sku, quantity: quantity, region: "CA", postalCode: "94558"));
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        await SettleAsync();
        using var placed = JsonDocument.Parse(text);
        return (placed.RootElement.GetProperty("id").GetGuid(), placed.RootElement.GetProperty("number").GetString()!);
    }

    /// <summary>The dispatcher's sweeps (it is off in the test host): events to the other modules, internal steps, their answers.</summary>
    private async Task SettleAsync()
    {
        for (var sweep = 0; sweep < 4; sweep++)
        {
            await _app!.DispatchOutboxAsync();
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screens);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, $"fulfillment-{name}.png"), FullPage = true });
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(_baseUrl + "/account/login");
        await page.FillAsync("#Email", OrderHubApp.AdminEmail);
        await page.FillAsync("#Password", OrderHubApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
    }

    private async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does).");
        }

        // A tablet-sized window: the pages are used on the warehouse floor.
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1180, Height = 820 } });
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
