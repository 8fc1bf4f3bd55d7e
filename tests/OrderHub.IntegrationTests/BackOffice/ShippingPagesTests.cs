using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Shipping.Features.ListShipments;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The Shipping back-office in a real browser (Debian Chromium through Playwright) against the host on a real Kestrel
/// port: an order placed, picked and packed through REST gets its label and a carrier scan; staff find the shipment in
/// the list, open it (tracking number, scans, the label PDF and ZPL), see it on the order page, and change a carrier's
/// fuel surcharge on the rate tables (the change on the trail; a stale page refused with a clear message).
/// Screenshots go to <c>ORDERHUB_SCREENSHOTS</c> (else the temp folder's <c>orderhub-screens</c>) as <c>shipping-*.png</c>.
/// </summary>
public sealed class ShippingPagesTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Napa = "NAPA-WH";
    private const string Staff = $"staff:{OrderHubApp.AdminEmail}";
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
    public async Task Staff_find_a_labelled_shipment_print_its_label_and_see_it_on_the_order()
    {
        var page = await NewPageAsync();
        var sku = await SourcingSetup.WineAsync(_api!, "SHIPPG", (Napa, 10));
        var order = await SourcingSetup.PlaceReadyAsync(_api!, Infrastructure.Orders.ValidBody(email: "ship-pages@example.com", sku: sku, quantity: 2, region: "CA", postalCode: "94558"), Ct);
        await SettleAsync();
        var shipment = await PackAsync(order);
        shipment.GetProperty("status").GetString().ShouldBe("LabelCreated");
        var id = shipment.GetProperty("id").GetGuid();
        var number = shipment.GetProperty("orderNumber").GetString()!;
        var carrier = shipment.GetProperty("carrier").GetString()!;
        var tracking = shipment.GetProperty("trackingNumber").GetString()!;
        var trackingUrl = shipment.GetProperty("trackingUrl").GetString()!;
        (await ScanAsync(carrier, tracking, "InTransit", "Departed facility")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await SettleAsync();

        // The list's query: filters and pages as the page asks them.
        (await ListAsync(new ListShipmentsQuery("intransit", "napa-wh"))).Items.ShouldHaveSingleItem().Id.ShouldBe(id);
        var second = await ListAsync(new ListShipmentsQuery(PageSize: 1, Page: 2));
        (second.Total, second.Items.Count, second.Pages).ShouldBe((1, 0, 1));
        (await ListAsync(new ListShipmentsQuery("Lost"))).Total.ShouldBe(0);
        (await ListAsync(new ListShipmentsQuery(LocationCode: "TASTING-ROOM"))).Locations.ShouldBe([Napa]);
        await SignInAsync(page);

        // The list, reached from the nav: the order, carrier, tracking number (to the carrier's page), status.
        await page.ClickAsync("header nav >> text=\"Shipping\"");
        var row = page.Locator("[data-testid=shipments] tr", new PageLocatorOptions { HasText = number });
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        page.Url.ShouldEndWith("/shipping/shipments");
        var rowText = await row.InnerTextAsync();
        rowText.ShouldContain(carrier);
        rowText.ShouldContain(tracking);
        rowText.ShouldContain("InTransit");
        (await row.Locator($"a:has-text('{tracking}')").GetAttributeAsync("href")).ShouldBe(trackingUrl);
        (await row.Locator($"a:has-text('{number}')").GetAttributeAsync("href")).ShouldBe($"/orders/{order}");
        await SaveScreenshotAsync(page, "list");

        // Filters: by status and location it is there; another status shows nothing.
        await page.SelectOptionAsync("#status", "Delivered");
        await page.ClickAsync("text=Filter");
        await page.Locator("[data-testid=shipment-count]", new PageLocatorOptions { HasText = "0 shipment(s)" }).WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        await page.SelectOptionAsync("#status", "InTransit");
        await page.SelectOptionAsync("#location", Napa);
        await page.ClickAsync("text=Filter");
        await page.Locator("[data-testid=shipment-count]", new PageLocatorOptions { HasText = "1 shipment(s)" }).WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        page.Url.ShouldContain("status=InTransit");

        // The shipment: tracking number, packages, the carrier's scan, the label as PDF and ZPL.
        await page.Locator("[data-testid=shipments] tr", new PageLocatorOptions { HasText = number }).Locator("text=Open").ClickAsync();
        await page.Locator("[data-testid=tracking-number]").WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=tracking-number]")).Trim().ShouldBe(tracking);
        (await page.GetAttributeAsync("[data-testid=tracking-link]", "href")).ShouldBe(trackingUrl);
        (await page.InnerTextAsync("[data-testid=shipment-status]")).ShouldBe("InTransit");
        (await page.InnerTextAsync("[data-testid=packages]")).ShouldContain(tracking);
        var scans = await page.InnerTextAsync("[data-testid=scans]");
        scans.ShouldContain("InTransit");
        scans.ShouldContain("Napa, CA");
        scans.ShouldContain("Departed facility");
        var pdf = await page.Context.APIRequest.GetAsync(_baseUrl + await page.GetAttributeAsync("[data-testid=label-pdf]", "href"));
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldStartWith("application/pdf");
        pdf.Headers["content-disposition"].ShouldStartWith("inline");
        (await pdf.BodyAsync())[..5].ShouldBe("%PDF-"u8.ToArray());
        var zpl = await page.Context.APIRequest.GetAsync(_baseUrl + await page.GetAttributeAsync("[data-testid=label-zpl]", "href"));
        zpl.Status.ShouldBe(200);
        var zplText = await zpl.TextAsync();
        zplText.ShouldStartWith("^XA");
        zplText.ShouldContain("ADULT SIGNATURE REQUIRED");
        await SaveScreenshotAsync(page, "shipment");

        // Without a staff sign-in the label is not served (the API needs a key; the page needs a session).
        using (var anonymous = new HttpClient { BaseAddress = new Uri(_baseUrl) })
        {
            using var response = await anonymous.GetAsync($"/shipping/shipments/{id}/label.pdf", Ct);
            response.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/pdf");
        }

        // The order page lists its shipment and links back to it.
        await page.ClickAsync("[data-testid=order-link]");
        var onOrder = page.Locator("[data-testid=shipments] tr", new PageLocatorOptions { HasText = tracking });
        await onOrder.WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=order-number]")).ShouldBe(number);
        var onOrderText = await onOrder.InnerTextAsync();
        onOrderText.ShouldContain(carrier);
        onOrderText.ShouldContain("InTransit");
        (await onOrder.Locator($"a:has-text('{tracking}')").GetAttributeAsync("href")).ShouldBe(trackingUrl);
        (await onOrder.Locator("text=Open").GetAttributeAsync("href")).ShouldBe($"/shipping/shipments/{id}");
        await page.Locator("[data-testid=shipments]").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(page, "order");
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    [Fact]
    public async Task Staff_change_a_fuel_surcharge_see_it_on_the_trail_and_a_stale_page_is_refused()
    {
        var page = await NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync($"{_baseUrl}/shipping/rate-tables");
        await page.Locator("[data-testid=surcharges]").WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=rate-tables-version]")).ShouldBe("0");
        (await page.InnerTextAsync("[data-testid=no-changes]")).ShouldContain("No edit yet");
        var before = (await page.InnerTextAsync("tr[data-carrier=UPS] .fuel")).Replace("%", string.Empty, StringComparison.Ordinal).Trim();
        await SaveScreenshotAsync(page, "rate-tables");

        var ups = page.Locator("[data-testid=surcharges-UPS]");
        await ups.Locator("input[name=fuelPercent]").FillAsync("17.25");
        await ups.Locator("input[name=reason]").FillAsync("December fuel index");
        await ups.Locator("button[type=submit]").ClickAsync();
        await page.Locator("[data-testid=notice]").WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldContain("version 1");
        (await page.InnerTextAsync("[data-testid=rate-tables-version]")).ShouldBe("1");
        (await page.InnerTextAsync("tr[data-carrier=UPS] .fuel")).ShouldBe("17.25 %");
        var change = await page.InnerTextAsync("[data-testid=changes] tbody tr");
        change.ShouldContain("December fuel index");
        change.ShouldContain(Staff);
        change.ShouldContain($"UPS: fuel {before} % → 17.25 %");
        using (var tables = JsonDocument.Parse(await _api!.GetStringAsync("/api/v1/shipping/rate-tables", Ct)))
        {
            tables.RootElement.GetProperty("version").GetInt32().ShouldBe(1);
            tables.RootElement.GetProperty("carriers").EnumerateArray().Single(c => c.GetProperty("carrier").GetString() == "UPS")
                .GetProperty("fuelPercent").GetDecimal().ShouldBe(17.25m);
        }

        await SaveScreenshotAsync(page, "rate-tables-changed");

        // A page shown before that edit (version 0, forged here) is refused with a message, not problem JSON.
        var fedEx = page.Locator("[data-testid=surcharges-FedEx]");
        await fedEx.Locator("input[name=version]").EvaluateAsync("i => i.value = '0'");
        await fedEx.Locator("input[name=fuelPercent]").FillAsync("30");
        await fedEx.Locator("input[name=reason]").FillAsync("From an old tab");
        var refused = await page.RunAndWaitForResponseAsync(() => fedEx.Locator("button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe((int)HttpStatusCode.Conflict);
        refused.Headers["content-type"].ShouldStartWith("text/html");
        await page.Locator("[data-testid=error]").WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("changed by someone else");
        (await page.InnerTextAsync("[data-testid=rate-tables-version]")).ShouldBe("1");
        (await page.Locator("[data-testid=changes] tbody tr").CountAsync()).ShouldBe(1);
        await SaveScreenshotAsync(page, "rate-tables-stale");
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    private Task<ShipmentListDto> ListAsync(ListShipmentsQuery query) =>
        _app!.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(query, Ct).AsTask());

    /// <summary>Picks and packs the order's one fulfillment through the API, lets the outbox buy the label; the shipment as the API shows it.</summary>
    private async Task<JsonElement> PackAsync(Guid order)
    {
        var fulfillment = (await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct)).EnumerateArray().Single().GetProperty("id").GetGuid();
        var list = await PostAsync("/api/v1/pick-lists", new { locationCode = Napa, maxOrders = 500 });
        list.StatusCode.ShouldBe(HttpStatusCode.Created, await list.Content.ReadAsStringAsync(Ct));
        var listId = (await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await SettleAsync();
        (await _api!.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = Array.Empty<object>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();
        var packed = await PostAsync($"/api/v1/fulfillments/{fulfillment}/pack", new { });
        packed.StatusCode.ShouldBe(HttpStatusCode.OK, await packed.Content.ReadAsStringAsync(Ct));
        await SettleAsync();
        var shipmentId = (await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("shipments").EnumerateArray().Single().GetProperty("id").GetGuid();
        return await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{shipmentId}", Ct);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await _api!.SendAsync(request, Ct);
    }

    /// <summary>A carrier's scan through the signed webhook.</summary>
    private async Task<HttpResponseMessage> ScanAsync(string carrier, string trackingNumber, string status, string description)
    {
        var body = JsonSerializer.Serialize(new { carrier, trackingNumber, status, at = DateTimeOffset.UtcNow, description, location = "Napa, CA" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/shipping/tracking-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(OrderHubApp.TrackingWebhookSecret), Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("X-OrderHub-Signature", $"sha256={signature}");
        using var webhook = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        return await webhook.SendAsync(request, Ct);
    }

    /// <summary>The dispatcher's sweeps (it is off in the test host): events to the other modules, internal steps, their answers.</summary>
    private async Task SettleAsync()
    {
        for (var sweep = 0; sweep < 6; sweep++)
        {
            await _app!.DispatchOutboxAsync();
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screens);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, $"shipping-{name}.png"), FullPage = true });
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

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
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
