using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Shipping.Delivery.Weather;
using OrderHub.Modules.Shipping.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The Shipping back-office's weather holds and end-of-day pages in a real browser (Debian Chromium through Playwright)
/// against the host on a real Kestrel port and SQLite, with the default wine limits (40°F to 85°F) and a forecast that
/// has a heat wave in Palm Springs (CA 92262) until <see cref="HeatWave.Until"/>: a wine order going there is held and
/// listed with its reason and proposed ship date, a staff check leaves it held while the heat lasts and releases it once
/// the forecast allows (audited, on the order's timeline, then labelled). Orders packed through REST get labels; staff
/// close the day's manifest (a voided label not on it) and open its PDF, book a pickup, and bad input (an unknown
/// location, a day that has passed) or a POST without the antiforgery token changes nothing. A club packed ahead to ship
/// on a later day waits on the club releases page until staff release the day with a reason; then it is labelled.
/// Screenshots go to <c>ORDERHUB_SCREENSHOTS</c> (else the temp folder's <c>orderhub-screens</c>) as <c>shipping-*.png</c>.
/// </summary>
public sealed class ShippingHoldsManifestsPagesTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Napa = "NAPA-WH";
    private const string PalmSprings = "92262";
    private const string Staff = $"staff:{OrderHubApp.AdminEmail}";
    private const int Wait = 60_000;
    private readonly HeatWave _heat = new();
    private readonly List<string> _violations = [];
    private TestDatabase? _database;
    private OrderHubApp? _app;
    private WebApplicationFactory<Program>? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _api;
    private string _baseUrl = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Screens =>
        Environment.GetEnvironmentVariable("ORDERHUB_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "orderhub-screens");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _database = TestDatabase.CreateSqlite();
        // The shipped limits (the test host widens them so label tests do not depend on the month) and our forecast.
        _app = new OrderHubApp(_database, new Dictionary<string, string?> { ["OrderHub:Shipping:Weather:MinF"] = "40", ["OrderHub:Shipping:Weather:MaxF"] = "85" });
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IWeatherForecast>(_heat)));
        _host.UseKestrel(0);
        _host.StartServer();
        _baseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
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
    public async Task Wine_held_by_a_heat_wave_is_listed_with_its_reason_and_date_and_a_staff_check_releases_it_once_the_forecast_allows()
    {
        var page = await NewPageAsync();
        var sku = await SourcingSetup.WineAsync(_api!, "SHIPHOLD", (Napa, 10));
        var order = await SourcingSetup.PlaceReadyAsync(_api!, Infrastructure.Orders.ValidBody(email: "heat-wave@example.com", sku: sku, quantity: 2, region: "CA", postalCode: PalmSprings), Ct);
        await SettleAsync();
        var shipment = await PackAsync(order);
        shipment.GetProperty("status").GetString().ShouldBe("LabelPending");
        var id = shipment.GetProperty("id").GetGuid();
        var number = shipment.GetProperty("orderNumber").GetString()!;
        var hold = shipment.GetProperty("hold");
        var reason = hold.GetProperty("reason").GetString()!;
        reason.ShouldContain($"too hot for wine, high of 112°F at the destination (CA {PalmSprings})");
        var proposed = DateOnly.Parse(hold.GetProperty("until").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        proposed.ShouldBeGreaterThan(_heat.Until); // the first ship date whose whole window is after the heat

        // The API lists it too.
        using (var listed = JsonDocument.Parse(await _api!.GetStringAsync("/api/v1/shipping/weather-holds", Ct)))
        {
            var held = listed.RootElement.GetProperty("held").EnumerateArray().ShouldHaveSingleItem();
            held.GetProperty("shipmentId").GetGuid().ShouldBe(id);
            held.GetProperty("proposedShipDate").GetString().ShouldBe(proposed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            (listed.RootElement.GetProperty("minF").GetInt32(), listed.RootElement.GetProperty("maxF").GetInt32()).ShouldBe((40, 85));
        }

        // From the Shipping nav: the order (to its page), where it goes, why, the proposed date.
        await SignInAsync(page);
        await page.ClickAsync("header nav >> text=\"Shipping\"");
        await page.ClickAsync("[data-testid=shipping-nav] >> text=\"Weather holds\"");
        var row = page.Locator("[data-testid=holds] tbody tr", new PageLocatorOptions { HasText = number });
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        page.Url.ShouldEndWith("/shipping/weather-holds");
        (await row.Locator($"a:has-text('{number}')").GetAttributeAsync("href")).ShouldBe($"/orders/{order}");
        (await row.Locator("[data-testid=destination]").InnerTextAsync()).ShouldBe($"Springfield, CA {PalmSprings}");
        (await row.Locator("[data-testid=reason]").InnerTextAsync()).ShouldBe(reason);
        (await row.Locator("[data-testid=proposed]").InnerTextAsync()).ShouldBe(proposed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (await page.InnerTextAsync("[data-testid=limits]")).ShouldBe("40°F to 85°F");
        (await page.InnerTextAsync("[data-testid=no-released]")).ShouldContain("No hold was released");
        await SaveScreenshotAsync(page, "holds");

        // Checked now while the heat lasts: still held, and the check is audited.
        await row.Locator("button:has-text('Check now')").ClickAsync();
        await page.Locator("[data-testid=notice]").WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldContain($"Order {number} is still held: Weather hold: too hot");
        (await page.InnerTextAsync("[data-testid=held-count]")).ShouldBe("1");

        // The heat breaks: checked now, it is released, audited with who asked, announced to the order, then labelled.
        _heat.Until = Today.AddDays(-1);
        await page.Locator("[data-testid=holds] tbody tr", new PageLocatorOptions { HasText = number }).Locator("button:has-text('Check now')").ClickAsync();
        await page.Locator("[data-testid=notice]", new PageLocatorOptions { HasText = "the weather allows it now" }).WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=no-holds]")).ShouldContain("No shipment is held");
        await SettleAsync();
        await page.ReloadAsync();
        var released = page.Locator("[data-testid=released] tbody tr", new PageLocatorOptions { HasText = number });
        await released.WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        var releasedText = await released.InnerTextAsync();
        releasedText.ShouldContain(OrderHubApp.AdminEmail);
        releasedText.ShouldContain("LabelCreated");
        var labelled = await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{id}", Ct);
        labelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
        releasedText.ShouldContain(labelled.GetProperty("trackingNumber").GetString()!);
        var audit = await ShippingAsync(db => db.AuditEntries.Where(a => a.SubjectId == id).OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync(Ct));
        audit.Select(a => (a.Action, a.Actor)).ShouldBe([("CheckWeatherHold", Staff), ("ReleaseWeatherHold", Staff)]);
        var timeline = (await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()).ToList();
        timeline.Count(e => e == "WeatherHold").ShouldBe(1);
        timeline.Count(e => e == "WeatherHoldReleased").ShouldBe(1);
        timeline.IndexOf("LabelCreated").ShouldBeGreaterThan(timeline.IndexOf("WeatherHoldReleased"));
        await SaveScreenshotAsync(page, "holds-released");

        // A forged check (no antiforgery token) of a shipment that is not held is refused.
        var forged = await page.Context.APIRequest.PostAsync($"{_baseUrl}/shipping/weather-holds/{id}/check");
        forged.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await ShippingAsync(db => db.AuditEntries.CountAsync(a => a.SubjectId == id, Ct))).ShouldBe(2);
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    [Fact]
    public async Task Staff_close_the_day_s_manifest_without_voided_labels_open_its_pdf_and_book_a_pickup_and_bad_or_forged_posts_change_nothing()
    {
        var page = await NewPageAsync();
        var sku = await SourcingSetup.WineAsync(_api!, "SHIPMAN", (Napa, 10));
        var kept = await PackAsync(await SourcingSetup.PlaceReadyAsync(_api!, Infrastructure.Orders.ValidBody(email: "manifest-kept@example.com", sku: sku, quantity: 1, region: "CA", postalCode: "94558"), Ct));
        var voided = await PackAsync(await SourcingSetup.PlaceReadyAsync(_api!, Infrastructure.Orders.ValidBody(email: "manifest-voided@example.com", sku: sku, quantity: 1, region: "CA", postalCode: "94558"), Ct));
        (kept.GetProperty("status").GetString(), voided.GetProperty("status").GetString()).ShouldBe(("LabelCreated", "LabelCreated"));
        var carrier = kept.GetProperty("carrier").GetString()!;
        voided.GetProperty("carrier").GetString().ShouldBe(carrier); // same carrier: only the void keeps it off the manifest
        var keptId = kept.GetProperty("id").GetGuid();
        var voidedId = voided.GetProperty("id").GetGuid();
        (await _api!.PostAsJsonAsync($"/api/v1/shipments/{voidedId}/void", new { reason = "Customer cancelled" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var today = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync(page);
        await page.GotoAsync($"{_baseUrl}/shipping/shipments");
        await page.ClickAsync("[data-testid=shipping-nav] >> text=\"Manifests & pickups\"");
        await page.Locator("[data-testid=no-manifests]").WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });

        // An unknown location (forged into the list) is refused on the page, as HTML, and closes nothing.
        var close = page.Locator("[data-testid=close-form]");
        await close.Locator("select[name=carrier]").SelectOptionAsync(carrier);
        await close.Locator("select[name=locationCode]").EvaluateAsync("s => { s.add(new Option('NOWHERE', 'NOWHERE')); s.value = 'NOWHERE'; }");
        var refused = await page.RunAndWaitForResponseAsync(() => close.Locator("button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        refused.Headers["content-type"].ShouldStartWith("text/html");
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("The manifest was not closed: Location NOWHERE is not known.");
        (await ManifestsAsync(today)).GetArrayLength().ShouldBe(0);

        // Today's manifest closed in the browser: the kept label, not the voided one; the PDF opens.
        await close.Locator("select[name=carrier]").SelectOptionAsync(carrier);
        await close.Locator("select[name=locationCode]").SelectOptionAsync(Napa);
        await close.Locator("button[type=submit]").ClickAsync();
        await page.Locator("[data-testid=notice]").WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe($"{carrier} manifest of {Napa} for {today} closed: 1 label, 1 package.");
        var row = page.Locator($"[data-testid=manifests] tr[data-carrier={carrier}][data-location={Napa}]");
        (await row.InnerTextAsync()).ShouldContain(today);
        (await row.Locator("[data-testid=labels]").InnerTextAsync()).ShouldBe("1");
        (await row.InnerTextAsync()).ShouldContain(Staff);
        var pdf = await page.Context.APIRequest.GetAsync(_baseUrl + await row.Locator("[data-testid=manifest-pdf]").GetAttributeAsync("href"));
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldStartWith("application/pdf");
        (await pdf.BodyAsync())[..5].ShouldBe("%PDF-"u8.ToArray());
        var manifest = (await ManifestsAsync(today)).EnumerateArray().ShouldHaveSingleItem();
        manifest.GetProperty("shipmentIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([keptId]);
        manifest.GetProperty("trackingNumbers").EnumerateArray().Select(e => e.GetString()).ShouldBe([kept.GetProperty("trackingNumber").GetString()]);

        // A pickup booked in the browser is listed with its window and confirmation.
        var pickup = page.Locator("[data-testid=pickup-form]");
        await pickup.Locator("select[name=carrier]").SelectOptionAsync(carrier);
        await pickup.Locator("select[name=locationCode]").SelectOptionAsync(Napa);
        await pickup.Locator("input[name=date]").FillAsync(today);
        await pickup.Locator("input[name=readyBy]").FillAsync("14:00");
        await pickup.Locator("input[name=closeBy]").FillAsync("17:30");
        await pickup.Locator("button[type=submit]").ClickAsync();
        await page.Locator("[data-testid=notice]", new PageLocatorOptions { HasText = "pickup" }).WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        var booked = (await PickupsAsync(today)).EnumerateArray().ShouldHaveSingleItem();
        var confirmation = booked.GetProperty("confirmationNumber").GetString()!;
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe($"{carrier} pickup at {Napa} on {today} booked: confirmation {confirmation}.");
        var pickupRow = await page.InnerTextAsync("[data-testid=pickups] tbody tr");
        pickupRow.ShouldContain("14:00–17:30");
        pickupRow.ShouldContain(confirmation);
        pickupRow.ShouldContain(Staff);
        await SaveScreenshotAsync(page, "manifests");

        // A day that has passed is refused on the page (the browser's own check turned off, as an old tab would).
        var yesterday = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await pickup.EvaluateAsync("f => f.noValidate = true");
        await pickup.Locator("input[name=date]").FillAsync(yesterday);
        refused = await page.RunAndWaitForResponseAsync(() => pickup.Locator("button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain($"The pickup was not booked: {yesterday} has passed");
        (await page.InputValueAsync("[data-testid=pickup-form] input[name=date]")).ShouldBe(yesterday); // what was typed stays
        (await PickupsAsync(yesterday)).GetArrayLength().ShouldBe(0);

        // Forged posts from the signed-in browser without the antiforgery token: refused, nothing changes.
        var tomorrow = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var auditBefore = await ShippingAsync(db => db.AuditEntries.CountAsync(Ct));
        var forgedPickup = await page.Context.APIRequest.PostAsync($"{_baseUrl}/shipping/manifests/pickups", new APIRequestContextOptions
        {
            Form = FormOf(("carrier", carrier), ("locationCode", Napa), ("date", tomorrow)),
        });
        forgedPickup.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        var forgedClose = await page.Context.APIRequest.PostAsync($"{_baseUrl}/shipping/manifests/close", new APIRequestContextOptions
        {
            Form = FormOf(("carrier", "FedEx"), ("locationCode", Napa)),
        });
        forgedClose.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await PickupsAsync(tomorrow)).GetArrayLength().ShouldBe(0);
        (await ManifestsAsync(today)).GetArrayLength().ShouldBe(1);
        (await ShippingAsync(db => db.AuditEntries.CountAsync(Ct))).ShouldBe(auditBefore);
        (await ShippingAsync(db => db.AuditEntries.Where(a => a.Action == "CloseManifest" || a.Action == "RequestPickup").Select(a => a.Actor).ToListAsync(Ct))).ShouldBe([Staff, Staff]);
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");

        IFormData FormOf(params (string Name, string Value)[] fields)
        {
            var form = page.Context.APIRequest.CreateFormData();
            foreach (var (name, value) in fields)
            {
                form.Set(name, value);
            }

            return form;
        }
    }

    [Fact]
    public async Task Staff_see_a_club_packed_ahead_release_its_day_with_a_reason_and_it_is_labelled_and_a_release_without_a_reason_changes_nothing()
    {
        var page = await NewPageAsync();
        var sku = await SourcingSetup.WineAsync(_api!, "SHIPCLUB", (Napa, 10));
        var orders = new List<Guid>();
        foreach (var email in new[] { "club-one@example.com", "club-two@example.com" })
        {
            orders.Add(await SourcingSetup.PlaceReadyAsync(_api!, Infrastructure.Orders.ValidBody(email: email, sku: sku, quantity: 2, region: "CA", postalCode: "94558"), Ct));
        }

        var shipOn = Today.AddDays(20);
        var day = shipOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var shipments = await PackAheadAsync(orders, shipOn);
        foreach (var id in shipments)
        {
            var waiting = await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{id}", Ct);
            (waiting.GetProperty("status").GetString(), waiting.GetProperty("shipOn").GetProperty("date").GetString()).ShouldBe(("LabelPending", day));
        }

        // The API lists the day too.
        var listed = (await _api!.GetFromJsonAsync<JsonElement>("/api/v1/shipping/releases", Ct)).EnumerateArray().ShouldHaveSingleItem();
        (listed.GetProperty("locationCode").GetString(), listed.GetProperty("shipOn").GetString(), listed.GetProperty("waiting").GetInt32(), listed.GetProperty("isDue").GetBoolean()).ShouldBe((Napa, day, 2, false));

        // From the Shipping nav: the day waiting at Napa, two shipments.
        await SignInAsync(page);
        await page.GotoAsync($"{_baseUrl}/shipping/shipments");
        await page.ClickAsync("[data-testid=shipping-nav] >> text=\"Club releases\"");
        var row = page.Locator($"[data-testid=days] tr[data-location={Napa}][data-day='{day}']");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        page.Url.ShouldEndWith("/shipping/releases");
        (await row.Locator("[data-testid=waiting]").InnerTextAsync()).ShouldBe("2");
        (await row.Locator("[data-testid=held]").InnerTextAsync()).ShouldBe("0");
        await SaveScreenshotAsync(page, "releases");

        // Without a reason (the browser's own check turned off, as an old tab would): refused on the page, nothing released.
        await row.Locator("form").EvaluateAsync("f => f.noValidate = true");
        var refused = await page.RunAndWaitForResponseAsync(() => row.Locator("button:has-text('Release')").ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        refused.Headers["content-type"].ShouldStartWith("text/html");
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("Nothing was released: ");
        (await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{shipments[0]}", Ct)).GetProperty("shipOn").GetProperty("date").GetString().ShouldBe(day);

        // Released with a reason: the notice says how fast the labels come; the day is no longer waiting; both get labels.
        row = page.Locator($"[data-testid=days] tr[data-location={Napa}][data-day='{day}']");
        await row.Locator("input[name=reason]").FillAsync("Fall club ships early");
        await row.Locator("button:has-text('Release')").ClickAsync();
        await page.Locator("[data-testid=notice]").WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldStartWith($"Released 2 shipment(s) of {Napa} packed to ship on {day}: labels are bought 50 a second, the last by ");
        var today = page.Locator($"[data-testid=days] tr[data-location={Napa}]"); // now to ship today: being labelled, no form
        (await today.Locator("[data-testid=due]").InnerTextAsync()).ShouldContain("labels are being bought");
        (await today.Locator("form").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync(page, "releases-released");
        await SettleAsync();
        await page.ReloadAsync();
        (await page.InnerTextAsync("[data-testid=no-days]")).ShouldContain("No shipment waits for its day");
        foreach (var id in shipments)
        {
            var labelled = await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{id}", Ct);
            labelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
            labelled.GetProperty("trackingNumber").GetString().ShouldNotBeNullOrEmpty();
            labelled.GetProperty("shipOn").GetProperty("reason").GetString().ShouldBe($"Released to ship today instead of {day} ({Staff}): Fall club ships early");
        }

        // A forged release (no antiforgery token) is refused.
        var forged = await page.Context.APIRequest.PostAsync($"{_baseUrl}/shipping/releases", new APIRequestContextOptions { Form = page.Context.APIRequest.CreateFormData().Set("locationCode", Napa).Set("shipOn", day).Set("reason", "x") });
        forged.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    /// <summary>Picks the orders in one wave at Napa and packs each to ship on <paramref name="shipOn"/>; their shipments' ids.</summary>
    private async Task<List<Guid>> PackAheadAsync(List<Guid> orders, DateOnly shipOn)
    {
        await SettleAsync();
        var list = await PostAsync("/api/v1/pick-lists", new { locationCode = Napa, maxOrders = 500 });
        list.StatusCode.ShouldBe(HttpStatusCode.Created, await list.Content.ReadAsStringAsync(Ct));
        var listId = (await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await SettleAsync();
        (await _api!.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = Array.Empty<object>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();
        var fulfillments = new List<Guid>();
        foreach (var order in orders)
        {
            var fulfillment = (await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct)).EnumerateArray().Single().GetProperty("id").GetGuid();
            var packed = await PostAsync($"/api/v1/fulfillments/{fulfillment}/pack", new { shipOn });
            packed.StatusCode.ShouldBe(HttpStatusCode.OK, await packed.Content.ReadAsStringAsync(Ct));
            fulfillments.Add(fulfillment);
        }

        await SettleAsync();
        return await ShippingAsync(db => db.Shipments.Where(s => fulfillments.Contains(s.FulfillmentId)).OrderBy(s => s.CreatedAt).Select(s => s.Id).ToListAsync(Ct));
    }

    private async Task<JsonElement> ManifestsAsync(string date) =>
        await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/shipping/manifests?date={date}&locationCode={Napa}", Ct);

    private async Task<JsonElement> PickupsAsync(string date) =>
        await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/shipping/pickups?date={date}&locationCode={Napa}", Ct);

    private async Task<T> ShippingAsync<T>(Func<ShippingDbContext, Task<T>> query)
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ShippingDbContext>());
    }

    /// <summary>Picks and packs the order's one fulfillment through the API, lets the outbox buy the label; the shipment as the API shows it.</summary>
    private async Task<JsonElement> PackAsync(Guid order)
    {
        await SettleAsync();
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
        // Shipping's own record: the order lists a shipment once it has its label, and a held one has none yet.
        var shipmentId = await ShippingAsync(db => db.Shipments.Where(s => s.FulfillmentId == fulfillment).Select(s => s.Id).SingleAsync(Ct));
        return await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{shipmentId}", Ct);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await _api!.SendAsync(request, Ct);
    }

    /// <summary>The dispatcher's sweeps (it is off in the test host): events to the other modules, internal steps, their answers.</summary>
    private async Task SettleAsync()
    {
        var dispatcher = _host!.Services.GetRequiredService<OutboxDispatcher>();
        for (var sweep = 0; sweep < 6; sweep++)
        {
            await dispatcher.DispatchPendingAsync(Ct);
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
        await page.WaitForSelectorAsync("[data-testid=module-status]");
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
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// The forecast: a heat wave at Palm Springs (112°F by day) until <see cref="Until"/> (ten days from now unless the
    /// test ends it), a mild 72°F/50°F everywhere else and every other day, whatever the month the test runs in.
    /// </summary>
    private sealed class HeatWave : IWeatherForecast
    {
        private long _until = Today.AddDays(10).DayNumber;

        public DateOnly Until
        {
            get => DateOnly.FromDayNumber((int)Interlocked.Read(ref _until));
            set => Interlocked.Exchange(ref _until, value.DayNumber);
        }

        public Task<IReadOnlyList<DayTemperatures>> DailyAsync(WeatherPlace place, DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            var until = Until;
            var days = new List<DayTemperatures>();
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                days.Add(place.PostalCode == PalmSprings && date <= until ? new DayTemperatures(date, 112, 84, "forecast") : new DayTemperatures(date, 72, 50, "forecast"));
            }

            return Task.FromResult<IReadOnlyList<DayTemperatures>>(days);
        }
    }
}
