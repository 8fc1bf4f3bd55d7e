using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Access;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The orders desk in a real browser (Debian Chromium through Playwright) against the host on a real Kestrel port and
/// SQLite, signed in as the roles that use it: a CustomerService user resolves held orders end to end (a missing date
/// of birth, a declined card, a manual hold placed and released), adds a note and cancels; the inbox filters by hold
/// type and SKU with counts, exports the filter as CSV and XLSX and bulk-releases holds behind a confirmation; a
/// Compliance user may release only Compliance holds; a Warehouse user is refused the desk, and a forged POST with a
/// valid antiforgery token changes nothing. Screenshots go to <c>ORDERHUB_SCREENSHOTS</c> (else the temp folder's
/// <c>orderhub-screens</c>) as <c>orderdesk-*.png</c>.
/// </summary>
public sealed class OrderDeskPagesTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Napa = "NAPA-WH";
    private const string Password = "Desk-Staff-Password-1";
    private const string ServiceEmail = "cs@orderhub.test";
    private const string WarehouseEmail = "wh@orderhub.test";
    private const string ComplianceEmail = "compliance@orderhub.test";
    private const int Wait = 60_000;
    private readonly List<string> _violations = [];
    private TestDatabase? _database;
    private OrderHubApp? _app;
    private WebApplicationFactory<Program>? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _api;
    private string _baseUrl = string.Empty;

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
        _host = _app.WithWebHostBuilder(_ => { });
        _host.UseKestrel(0);
        _host.StartServer();
        _baseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        _api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        await CreateStaffAsync(ServiceEmail, StaffRoles.CustomerService);
        await CreateStaffAsync(WarehouseEmail, StaffRoles.Warehouse);
        await CreateStaffAsync(ComplianceEmail, StaffRoles.Compliance);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    [Fact]
    public async Task Customer_service_resolves_held_orders_end_to_end_adds_a_note_and_cancels()
    {
        var page = await NewPageAsync();
        var sku = await SourcingSetup.WineAsync(_api!, "DESK", (Napa, 50));
        var (ageHeld, ageNumber) = await PlaceAsync(sku, "desk-age@example.com", dateOfBirth: null);
        var (cardHeld, cardNumber) = await PlaceAsync(sku, "desk-card@example.com", token: "tok_chargeDeclined");
        (await OrderAsync(ageHeld)).GetProperty("status").GetString().ShouldBe("OnHold");
        (await OrderAsync(cardHeld)).GetProperty("status").GetString().ShouldBe("OnHold");

        // From the inbox filtered by hold type and SKU: only the age-held order; the counts name both kinds of hold.
        await SignInAsync(page, ServiceEmail);
        await page.ClickAsync("header nav >> text=\"Orders\"");
        (await page.InnerTextAsync("[data-testid=count-hold-Compliance]")).ShouldContain("1");
        (await page.InnerTextAsync("[data-testid=count-hold-Payment]")).ShouldContain("1");
        await page.SelectOptionAsync("select[name=holdType]", "Compliance");
        await page.FillAsync("input[name=sku]", sku);
        await page.ClickAsync("[data-testid=filters] button[type=submit]");
        await page.WaitForURLAsync("**holdType=Compliance**");
        (await page.Locator("[data-testid=orders] tbody tr").CountAsync()).ShouldBe(1);
        (await page.InnerTextAsync("[data-testid=orders]")).ShouldContain(ageNumber);
        await SaveScreenshotAsync(page, "inbox-held");

        // The order page: the wine's name, vintage and size; the hold; a date of birth clears it and the order goes on.
        await page.ClickAsync($"text={ageNumber}");
        await page.WaitForSelectorAsync("[data-testid=holds]");
        var line = await page.InnerTextAsync("[data-testid=lines] tr");
        line.ShouldContain($"Test wine {sku}");
        line.ShouldContain("2021");
        line.ShouldContain("750 ml");
        (await page.InnerTextAsync("[data-testid=holds]")).ShouldContain("AgeUnverified");
        await SaveScreenshotAsync(page, "order-held");
        var customer = page.Locator("[data-testid=customer-form]");
        await customer.Locator("input[name=dateOfBirth]").FillAsync("1980-04-02");
        await customer.Locator("input[name=reason]").FillAsync("Customer called with ID");
        await customer.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=notice]");
        await SettleAsync();
        (await OrderAsync(ageHeld)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        await page.ReloadAsync();
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("ReadyToFulfill");
        (await page.Locator("[data-testid=holds]").CountAsync()).ShouldBe(0);
        (await page.InnerTextAsync("[data-testid=dob]")).ShouldBe("1980-04-02");
        var timeline = await page.InnerTextAsync("[data-testid=timeline]");
        timeline.ShouldContain("Compliance hold released");
        timeline.ShouldContain($"staff:{ServiceEmail}");

        // The compliance decisions are listed with their PDF.
        (await page.InnerTextAsync("[data-testid=compliance]")).ShouldContain("Approved");
        var pdfLink = await page.Locator("[data-testid=compliance] tr[data-outcome=Approved] [data-testid=compliance-pdf]").First.GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(_baseUrl + pdfLink);
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldStartWith("application/pdf");
        (await pdf.BodyAsync())[..5].ShouldBe("%PDF-"u8.ToArray());
        (await page.InnerTextAsync("[data-testid=payments]")).ShouldContain("Authorization");

        // A manual hold placed, then released with a reason: the order goes on again.
        var hold = page.Locator("[data-testid=hold-form]");
        await hold.Locator("input[name=reason]").FillAsync("Customer asked us to wait for a gift note");
        await hold.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=release-Manual]");
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("OnHold");
        // Without a reason the release is refused on the page, and nothing changes.
        await page.ClickAsync("[data-testid=release-Manual] button[type=submit]");
        (await page.InnerTextAsync("[data-testid=error]")).ShouldNotBeEmpty();
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("OnHold");
        await page.FillAsync("[data-testid=release-Manual] input[name=reason]", "Gift note received");
        await page.ClickAsync("[data-testid=release-Manual] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=notice]");
        await SettleAsync();
        await page.ReloadAsync();
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("ReadyToFulfill");
        (await page.InnerTextAsync("[data-testid=timeline]")).ShouldContain("Manual hold released: Gift note received");

        // A note goes on the timeline with who wrote it (and through the API too).
        await page.FillAsync("[data-testid=note-form] input[name=text]", "Promised delivery before Friday");
        await page.ClickAsync("[data-testid=note-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=notice]");
        var note = (await OrderAsync(ageHeld)).GetProperty("timeline").EnumerateArray().Last(t => t.GetProperty("event").GetString() == "NoteAdded");
        note.GetProperty("detail").GetString().ShouldBe("Promised delivery before Friday");
        note.GetProperty("actor").GetString().ShouldBe($"staff:{ServiceEmail}");
        await SaveScreenshotAsync(page, "order-resolved");

        // The declined card: a new card clears the Payment hold.
        await page.GotoAsync($"{_baseUrl}/orders/{cardHeld}");
        (await page.InnerTextAsync("[data-testid=holds]")).ShouldContain("Payment");
        var card = page.Locator("[data-testid=card-form]");
        await card.Locator("input[name=token]").FillAsync("tok_visa");
        await card.Locator("input[name=reason]").FillAsync("Customer gave another card");
        await card.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=notice]");
        await SettleAsync();
        (await OrderAsync(cardHeld)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");

        // The address and the lines change before picking (one change each, repriced and re-authorized).
        await page.ReloadAsync();
        var address = page.Locator("[data-testid=address-form]");
        await address.Locator("input[name=line1]").FillAsync("12 Vineyard Lane");
        await address.Locator("input[name=reason]").FillAsync("Customer moved");
        await address.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=notice]");
        (await page.Locator("[data-testid=error]").CountAsync()).ShouldBe(0);
        var lines = page.Locator("[data-testid=lines-form]");
        await lines.Locator("input[name='lines[0].Quantity']").FillAsync("2");
        await lines.Locator("input[name=reason]").FillAsync("Customer wants two");
        await lines.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=notice]");
        var changed = await OrderAsync(cardHeld);
        changed.GetProperty("shippingAddress").GetProperty("line1").GetString().ShouldBe("12 Vineyard Lane");
        changed.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(2);

        // Then cancelled with a reason.
        await page.ReloadAsync();
        await page.FillAsync("[data-testid=cancel-form] input[name=reason]", "Customer changed their mind");
        await page.ClickAsync("[data-testid=cancel-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=notice]");
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("Cancelled");
        var cancelled = (await OrderAsync(cardHeld)).GetProperty("timeline").EnumerateArray().Last(t => t.GetProperty("event").GetString() == "Cancelled");
        cancelled.GetProperty("actor").GetString().ShouldBe($"staff:{ServiceEmail}");
        cardNumber.ShouldNotBeNullOrEmpty();
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    [Fact]
    public async Task The_inbox_exports_its_filter_as_csv_and_xlsx_and_bulk_releases_holds_after_a_confirmation()
    {
        var page = await NewPageAsync();
        var sku = await SourcingSetup.WineAsync(_api!, "BULK", (Napa, 50));
        var ready = new List<(Guid Id, string Number)>();
        for (var i = 0; i < 3; i++)
        {
            ready.Add(await PlaceAsync(sku, $"desk-bulk-{i}@example.com"));
        }

        foreach (var (id, _) in ready.Take(2))
        {
            (await _api!.PostAsJsonAsync($"/api/v1/orders/{id}/holds", new { type = "Manual", reason = "Address check" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await SignInAsync(page, ServiceEmail);
        await page.GotoAsync($"{_baseUrl}/orders?sku={sku}");
        (await page.Locator("[data-testid=orders] tbody tr").CountAsync()).ShouldBe(3);
        (await page.InnerTextAsync("[data-testid=count-hold-Manual]")).ShouldContain("2");

        // CSV of the filter: a header and exactly the three orders.
        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-csv]"));
        var csv = (await File.ReadAllTextAsync((await csvDownload.PathAsync())!, Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldStartWith("Number,Status,Channel");
        csv.Skip(1).Select(r => r.Split(',')[0]).Order().ShouldBe(ready.Select(r => r.Number).Order());

        // Filtered by hold type too, the XLSX opens and holds the two held orders.
        await page.GotoAsync($"{_baseUrl}/orders?sku={sku}&holdType=Manual");
        (await page.Locator("[data-testid=orders] tbody tr").CountAsync()).ShouldBe(2);
        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-xlsx]"));
        using (var xlsx = await ZipFile.OpenReadAsync((await xlsxDownload.PathAsync())!, Ct))
        {
            var entry = xlsx.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            using var reader = new StreamReader(await entry.OpenAsync(Ct));
            var sheet = await reader.ReadToEndAsync(Ct);
            sheet.ShouldContain(ready[0].Number);
            sheet.ShouldContain(ready[1].Number);
            sheet.ShouldNotContain(ready[2].Number);
        }

        await SaveScreenshotAsync(page, "inbox-filtered");

        // Bulk release: checked, confirmed with a reason, released; the unchecked order is untouched.
        foreach (var (id, _) in ready.Take(2))
        {
            await page.CheckAsync($"input[name=ids][value='{id}']");
        }

        await page.ClickAsync("[data-testid=bulk-release]");
        await page.WaitForSelectorAsync("[data-testid=bulk-confirm]");
        (await page.Locator("[data-testid=bulk-orders] tbody tr").CountAsync()).ShouldBe(2);
        await SaveScreenshotAsync(page, "bulk-confirm");
        (await OrderAsync(ready[0].Id)).GetProperty("status").GetString().ShouldBe("OnHold"); // nothing done before confirming
        await page.SelectOptionAsync("select[name=holdType]", "Manual");
        await page.FillAsync("input[name=reason]", "Addresses checked");
        await page.ClickAsync("[data-testid=confirm]");
        await page.WaitForSelectorAsync("[data-testid=bulk-results]");
        (await page.Locator("[data-testid=bulk-results] tbody tr.ok").CountAsync()).ShouldBe(2);
        await SaveScreenshotAsync(page, "bulk-released");
        await SettleAsync();
        foreach (var (id, _) in ready.Take(2))
        {
            var order = await OrderAsync(id);
            order.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
            order.GetProperty("timeline").EnumerateArray().ShouldContain(t =>
                t.GetProperty("detail").GetString() == "Manual hold released: Addresses checked" && t.GetProperty("actor").GetString() == $"staff:{ServiceEmail}");
        }

        // Pick lists of checked orders: none made yet, said so.
        await page.GotoAsync($"{_baseUrl}/orders?sku={sku}");
        await page.CheckAsync($"input[name=ids][value='{ready[2].Id}']");
        await page.ClickAsync("[data-testid=bulk-picklists]");
        await page.ClickAsync("[data-testid=confirm]");
        (await page.InnerTextAsync("[data-testid=pick-lists]")).ShouldContain("None of these orders is on a pick list yet.");
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    [Fact]
    public async Task Warehouse_is_refused_the_desk_compliance_may_release_only_compliance_holds_and_forged_posts_change_nothing()
    {
        var warehouse = await NewPageAsync();
        var sku = await SourcingSetup.WineAsync(_api!, "ROLE", (Napa, 20));
        var (held, _) = await PlaceAsync(sku, "desk-roles@example.com", dateOfBirth: null);
        (await _api!.PostAsJsonAsync($"/api/v1/orders/{held}/holds", new { type = "Manual", reason = "Fraud check" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await OrderAsync(held);
        var timelineBefore = before.GetProperty("timeline").GetArrayLength();

        // Warehouse: the inbox and the order are refused; a POST with a real antiforgery token from a page it may open is refused too.
        await SignInAsync(warehouse, WarehouseEmail);
        await warehouse.GotoAsync($"{_baseUrl}/orders/{held}");
        await warehouse.WaitForURLAsync("**/account/denied**");
        (await warehouse.InnerTextAsync("h1")).ShouldBe("Access denied");
        await warehouse.GotoAsync($"{_baseUrl}/orders");
        await warehouse.WaitForURLAsync("**/account/denied**");
        await warehouse.GotoAsync($"{_baseUrl}/fulfillment/pick-lists");
        var token = await warehouse.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        token.ShouldNotBeNullOrEmpty();
        foreach (var (path, form) in new (string, Dictionary<string, string>)[]
        {
            ($"/orders/{held}/cancel", new() { ["reason"] = "forged" }),
            ($"/orders/{held}/holds/Manual/release", new() { ["reason"] = "forged" }),
            ($"/orders/{held}/notes", new() { ["text"] = "forged" }),
        })
        {
            var data = warehouse.Context.APIRequest.CreateFormData();
            data.Set("__RequestVerificationToken", token!);
            foreach (var (key, value) in form)
            {
                data.Set(key, value);
            }

            var forged = await warehouse.Context.APIRequest.PostAsync(_baseUrl + path, new APIRequestContextOptions { Form = data, MaxRedirects = 0 });
            forged.Status.ShouldBe((int)HttpStatusCode.Redirect, path);
            forged.Headers["location"].ShouldContain("/account/denied");
        }

        // Compliance: sees the order, may release the Compliance hold only; no order actions; a forged cancel is refused.
        var compliance = await NewPageAsync();
        await SignInAsync(compliance, ComplianceEmail);
        await compliance.GotoAsync($"{_baseUrl}/orders/{held}");
        await compliance.WaitForSelectorAsync("[data-testid=holds]");
        (await compliance.Locator("[data-testid=release-Compliance]").CountAsync()).ShouldBe(1);
        (await compliance.Locator("[data-testid=release-Manual]").CountAsync()).ShouldBe(0);
        (await compliance.Locator("[data-testid=actions]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync(compliance, "order-compliance-view");
        var complianceToken = await compliance.Locator("[data-testid=release-Compliance] input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var manual = compliance.Context.APIRequest.CreateFormData();
        manual.Set("__RequestVerificationToken", complianceToken!);
        manual.Set("reason", "forged by compliance");
        var refused = await compliance.Context.APIRequest.PostAsync($"{_baseUrl}/orders/{held}/holds/Manual/release", new APIRequestContextOptions { Form = manual, MaxRedirects = 0 });
        refused.Status.ShouldBe((int)HttpStatusCode.Redirect);
        refused.Headers["location"].ShouldContain("/account/denied");
        var cancel = compliance.Context.APIRequest.CreateFormData();
        cancel.Set("__RequestVerificationToken", complianceToken!);
        cancel.Set("reason", "forged by compliance");
        (await compliance.Context.APIRequest.PostAsync($"{_baseUrl}/orders/{held}/cancel", new APIRequestContextOptions { Form = cancel, MaxRedirects = 0 }))
            .Headers["location"].ShouldContain("/account/denied");

        // Nothing changed by any of it.
        var after = await OrderAsync(held);
        after.GetProperty("status").GetString().ShouldBe("OnHold");
        after.GetProperty("holds").GetArrayLength().ShouldBe(2);
        after.GetProperty("timeline").GetArrayLength().ShouldBe(timelineBefore);

        // The Compliance hold itself is theirs to release (the age is still unknown, so placement holds it again).
        await compliance.FillAsync("[data-testid=release-Compliance] input[name=reason]", "Reviewed by compliance");
        await compliance.ClickAsync("[data-testid=release-Compliance] button[type=submit]");
        await compliance.WaitForSelectorAsync("[data-testid=notice]");
        (await OrderAsync(held)).GetProperty("timeline").EnumerateArray()
            .ShouldContain(t => t.GetProperty("event").GetString() == "HoldReleased" && t.GetProperty("actor").GetString() == $"staff:{ComplianceEmail}");
    }

    private async Task<(Guid Id, string Number)> PlaceAsync(string sku, string email, string? dateOfBirth = "1985-12-10", string token = "tok_visa")
    {
        var response = await OrderHubApp.PlaceOrderAsync(_api!, Infrastructure.Orders.ValidBody(email: email, sku: sku, quantity: 1, region: "CA", postalCode: "94558", dateOfBirth: dateOfBirth, token: token));
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        using var placed = JsonDocument.Parse(text);
        return (placed.RootElement.GetProperty("id").GetGuid(), placed.RootElement.GetProperty("number").GetString()!);
    }

    private async Task<JsonElement> OrderAsync(Guid id) => await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);

    /// <summary>The dispatcher's sweeps (it is off in the test host): events to the other modules, internal steps, their answers.</summary>
    private async Task SettleAsync()
    {
        var dispatcher = _host!.Services.GetRequiredService<OutboxDispatcher>();
        for (var sweep = 0; sweep < 6; sweep++)
        {
            await dispatcher.DispatchPendingAsync(Ct);
        }
    }

    private async Task CreateStaffAsync(string email, string role)
    {
        using var scope = _host!.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screens);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, $"orderdesk-{name}.png"), FullPage = true });
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(_baseUrl + "/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
    }

    private async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does).");
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
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
}
