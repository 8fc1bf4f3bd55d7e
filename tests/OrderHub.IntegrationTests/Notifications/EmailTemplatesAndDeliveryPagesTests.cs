using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Features.SendQueuedEmails;
using OrderHub.Web.Access;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// Issue 23 points 1 and 4 in a real browser (Debian Chromium) against the host on Kestrel, mailing a real SMTP server
/// (aiosmtpd) that the test can make refuse recipients: staff edit a customer email's template, preview drafts for a
/// sample order (a draft that does not parse is refused with its line and column, and is not lost), save it, and the
/// next email uses it; an email the mail server refuses shows as Failed with the server's answer, and Retry sends it
/// once the server takes mail again. Screenshots <c>email-template-editor.png</c> and <c>emails.png</c>.
/// </summary>
public sealed class EmailTemplatesAndDeliveryPagesTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string CustomerServiceEmail = "cs-templates@example.com";
    private const string CustomerServicePassword = "Cs-Passw0rd!2026";
    private TestDatabase? _database;
    private SmtpSink? _sink;
    private OrderHubApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _api;
    private string _baseUrl = string.Empty;
    private string? _skip;
    private readonly List<string> _violations = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Screens =>
        Environment.GetEnvironmentVariable("ORDERHUB_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "orderhub-screens");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _skip = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does).";
            return;
        }

        (_sink, _skip) = await SmtpSink.StartPickyAsync();
        if (_sink is null)
        {
            return;
        }

        _database = TestDatabase.CreateSqlite();
        _app = new OrderHubApp(_database, new Dictionary<string, string?>
        {
            ["OrderHub:Smtp:Enabled"] = "true",
            ["OrderHub:Smtp:Host"] = "127.0.0.1",
            ["OrderHub:Smtp:Port"] = _sink.Port.ToString(CultureInfo.InvariantCulture),
            ["OrderHub:Smtp:MaxAttempts"] = "1",
            ["OrderHub:Notifications:Brand:Name"] = "Oak Knoll Cellars",
        });
        _app.UseKestrel(0);
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        _api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        await _app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = CustomerServiceEmail, Email = CustomerServiceEmail, EmailConfirmed = true, DisplayName = "Customer service" };
            (await users.CreateAsync(user, CustomerServicePassword)).Succeeded.ShouldBeTrue();
            return (await users.AddToRoleAsync(user, StaffRoles.CustomerService)).Succeeded;
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    [Fact]
    public async Task Staff_preview_a_draft_are_told_where_it_does_not_parse_save_it_and_the_next_email_uses_it()
    {
        var page = await SignedInPageAsync(OrderHubApp.AdminEmail, OrderHubApp.AdminPassword);
        await page.GotoAsync(_baseUrl + "/notifications/email-templates");
        (await page.Locator("[data-testid=templates] tbody tr").CountAsync()).ShouldBe(10, "every customer email has a template");
        await page.ClickAsync("[data-testid=templates] a:text-is('Shipped')");

        // The frame first shows the template in use for a sample order: tracking link and estimated delivery.
        var preview = page.FrameLocator("iframe[name=preview]");
        (await preview.Locator("a.button").GetAttributeAsync("href")).ShouldBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
        (await preview.Locator("body").InnerTextAsync()).ShouldContain("Estimated delivery: Thursday, December 10, 2026");

        await page.FillAsync("#subject", "On its way from {{ brand.name }}: {{ order.number }}");
        await page.ClickAsync("[data-testid=preview]");
        await Assertions.Expect(preview.Locator("[data-testid=preview-subject]")).ToContainTextAsync("On its way from Oak Knoll Cellars: OH-100042");

        // A draft that does not parse: the preview and the save both say where; the draft stays in the editor.
        const string Broken = "<p>Hello {{ customer.name }}</p>\n{% if shipment.tracking_url %}<p>Track it</p>";
        await page.FillAsync("#html", Broken);
        await page.ClickAsync("[data-testid=preview]");
        await Assertions.Expect(preview.Locator("[data-testid=preview-problems]")).ToContainTextAsync("line 2, column");
        await page.ClickAsync("[data-testid=save]");
        (await page.Locator("[data-testid=template-problems]").InnerTextAsync()).ShouldContain("The html template does not parse at line 2, column");
        (await page.InputValueAsync("#html")).ShouldBe(Broken);
        (await page.InputValueAsync("#subject")).ShouldStartWith("On its way from");

        await page.GotoAsync(_baseUrl + "/notifications/email-templates/OrderReceived");
        await page.FillAsync("#subject", "Cheers, {{ customer.name }}: we have order {{ order.number }}");
        await page.ClickAsync("[data-testid=save]");
        (await page.Locator("[data-testid=done]").InnerTextAsync()).ShouldContain("Saved: version 1");
        (await page.Locator("[data-testid=template-state]").InnerTextAsync()).ShouldContain($"version 1, saved");
        await SaveScreenshotAsync(page, "email-template-editor");

        var number = await PlaceOrderAsync("cheers@example.com");
        (await EmailsAsync(number)).Single().GetProperty("subject").GetString().ShouldBe($"Cheers, Ada Lovelace-cheers: we have order {number}");

        await page.ClickAsync("[data-testid=reset]");
        (await page.Locator("[data-testid=template-state]").InnerTextAsync()).ShouldStartWith("The built-in template.");
        var again = await PlaceOrderAsync("built-in-again@example.com");
        (await EmailsAsync(again)).Single().GetProperty("subject").GetString().ShouldBe($"We received your order {again}");
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    [Fact]
    public async Task Customer_service_previews_but_cannot_save_and_a_forged_save_changes_nothing()
    {
        var page = await SignedInPageAsync(CustomerServiceEmail, CustomerServicePassword);
        await page.GotoAsync(_baseUrl + "/notifications/email-templates/Cancelled");
        (await page.Locator("[data-testid=save]").CountAsync()).ShouldBe(0);
        await page.FillAsync("#subject", "Sorry: {{ order.number }} is cancelled");
        await page.ClickAsync("[data-testid=preview]");
        await Assertions.Expect(page.FrameLocator("iframe[name=preview]").Locator("[data-testid=preview-subject]")).ToContainTextAsync("Sorry: OH-100042 is cancelled");

        var token = await page.Locator("[data-testid=template-form] input[name=__RequestVerificationToken]").InputValueAsync();
        var forged = await page.APIRequest.PostAsync(_baseUrl + "/notifications/email-templates/Cancelled", new APIRequestContextOptions
        {
            Form = FormOf(page, ("__RequestVerificationToken", token), ("subject", "Forged"), ("html", "<p>x</p>"), ("text", "x"), ("version", "0")),
            MaxRedirects = 0,
        });
        forged.Status.ShouldBeOneOf(302, 403); // the sign-in middleware sends a refused role to the Denied page
        (forged.Headers.GetValueOrDefault("location") ?? "/account/denied").ShouldContain("denied", Case.Insensitive);
        var template = await _api!.GetFromJsonAsync<JsonElement>("/api/v1/notifications/email-templates/Cancelled", Ct);
        template.GetProperty("isCustom").GetBoolean().ShouldBeFalse();
        template.GetProperty("subject").GetString().ShouldBe("Your order {{ order.number }} was cancelled");
    }

    [Fact]
    public async Task An_email_the_mail_server_refuses_shows_its_answer_and_staff_send_it_again_once_the_server_takes_mail()
    {
        _sink?.Reject(true);
        var number = await PlaceOrderAsync("bounce@example.com");
        await SendQueuedAsync();
        var failed = (await EmailsAsync(number)).Single();
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        failed.GetProperty("lastError").GetString()!.ShouldContain("mailbox unavailable");

        var page = await SignedInPageAsync(CustomerServiceEmail, CustomerServicePassword);
        await page.GotoAsync(_baseUrl + "/notifications/emails?status=Failed");
        var row = page.Locator($"[data-testid=emails] tr[data-email='{failed.GetProperty("id").GetGuid()}']");
        (await row.GetAttributeAsync("data-status")).ShouldBe("Failed");
        (await row.Locator("[data-testid=last-answer]").InnerTextAsync()).ShouldContain("Recipient address rejected: mailbox unavailable");
        await SaveScreenshotAsync(page, "emails");

        var forged = await page.APIRequest.PostAsync($"{_baseUrl}/notifications/emails/{failed.GetProperty("id").GetGuid()}/retry", new APIRequestContextOptions { MaxRedirects = 0 });
        forged.Status.ShouldBe(400, "no antiforgery token");
        (await EmailsAsync(number)).Single().GetProperty("status").GetString().ShouldBe("Failed");

        _sink?.Reject(false);
        await row.Locator("[data-testid=retry]").ClickAsync();
        (await page.Locator("[data-testid=done]").InnerTextAsync()).ShouldContain("Queued again");
        (await EmailsAsync(number)).Single().GetProperty("status").GetString().ShouldBe("Queued");
        await SendQueuedAsync();
        (await EmailsAsync(number)).Single().GetProperty("status").GetString().ShouldBe("Sent");
        _sink!.Messages().Count(m => m.Contains(number, StringComparison.Ordinal)).ShouldBe(1);

        await page.GotoAsync(_baseUrl + $"/notifications/emails?orderNumber={number}");
        await page.Locator($"[data-testid=emails] tr[data-email='{failed.GetProperty("id").GetGuid()}'] td a").First.ClickAsync();
        (await page.Locator("[data-testid=email-status]").InnerTextAsync()).ShouldStartWith("Sent");
        (await page.Locator("[data-testid=email-text]").InnerTextAsync()).ShouldContain(number);
        (await page.FrameLocator("iframe.email-frame").Locator("body").InnerTextAsync()).ShouldContain("Thank you for your order");

        var retrySent = await _api!.PostAsync($"/api/v1/notifications/emails/{failed.GetProperty("id").GetGuid()}/retry", null, Ct);
        retrySent.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a sent email is not sent again");
        _violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    [Fact]
    public async Task The_api_refuses_a_template_that_does_not_parse_with_its_line_and_column_and_a_save_over_someone_else_s()
    {
        if (_app is null)
        {
            Assert.Skip(_skip ?? "No host.");
        }

        var api = _api!;
        var broken = await api.PutAsJsonAsync(
            "/api/v1/notifications/email-templates/Delivered",
            new { subject = "Delivered {{ order.number", html = "<p>ok</p>", text = "ok\n{% for x in order.lines %}", version = 0 },
            Ct);
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await broken.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("subject")[0].GetString()!.ShouldContain("line 1, column");
        problem.GetProperty("errors").GetProperty("text")[0].GetString()!.ShouldContain("line 2, column");

        var first = await api.PutAsJsonAsync("/api/v1/notifications/email-templates/delivered", new { subject = "Here: {{ order.number }}", html = "<p>Here</p>", text = "Here", version = 0 }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32().ShouldBe(1);
        var stale = await api.PutAsJsonAsync("/api/v1/notifications/email-templates/Delivered", new { subject = "Mine", html = "<p>Mine</p>", text = "Mine", version = 0 }, Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("version 1");

        var preview = await api.PostAsJsonAsync("/api/v1/notifications/email-templates/Delayed/preview", new { }, Ct);
        var rendered = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        rendered.GetProperty("text").GetString()!.ShouldContain("Monday, December 14, 2026 (we promised Thursday, December 10, 2026)");
        (await api.GetAsync("/api/v1/notifications/email-templates/Nope", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/v1/notifications/email-templates/3", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/v1/notifications/emails?status=Lost", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<string> PlaceOrderAsync(string email)
    {
        var placed = await OrderHubApp.PlaceOrderAsync(_api!, Infrastructure.Orders.ValidBody(email: email));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync(Ct));
        var number = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;
        while (await _app!.DispatchOutboxAsync() > 0)
        {
        }

        return number;
    }

    private async Task<IReadOnlyList<JsonElement>> EmailsAsync(string number) =>
        [.. (await _api!.GetFromJsonAsync<JsonElement>($"/api/v1/notifications/emails?orderNumber={number}&kind=OrderReceived", Ct)).EnumerateArray()];

    private async Task SendQueuedAsync()
    {
        var job = _app!.Services.GetRequiredService<SendQueuedEmailsJob>();
        for (var i = 0; i < 5 && await job.RunAsync(Ct) > 0; i++)
        {
        }
    }

    private static IFormData FormOf(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    private async Task<IPage> SignedInPageAsync(string email, string password)
    {
        if (_browser is null)
        {
            Assert.Skip(_skip ?? "No browser.");
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000); // two cores shared with builds: a page may take seconds
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.GotoAsync(_baseUrl + "/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
        return page;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screens);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, $"{name}.png"), FullPage = true });
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

        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }
}
