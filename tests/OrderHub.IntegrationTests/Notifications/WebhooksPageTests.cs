using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Features.SendWebhooks;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// The webhooks page in a real browser (Debian Chromium through Playwright) against the host on a real Kestrel port: an
/// admin subscribes a receiver (the secret shown once, never on the list), a form without events is refused on the page,
/// the deliveries page shows a delivery Sent with its HTTP answer, Retry queues it again (who asked is shown), and a
/// forged POST without the antiforgery token is refused. Screenshots <c>webhooks.png</c> and <c>webhook-deliveries.png</c>.
/// </summary>
public sealed class WebhooksPageTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private TestDatabase? _database;
    private OrderHubApp? _app;
    private WebhookReceiver? _receiver;
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

        _receiver = await WebhookReceiver.StartAsync();
        _database = TestDatabase.CreateSqlite();
        _app = new OrderHubApp(_database, new Dictionary<string, string?> { ["OrderHub:Webhooks:AllowPrivateTargets"] = "true" });
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
    public async Task An_admin_subscribes_a_receiver_sees_its_deliveries_and_retries_one()
    {
        var page = await NewPageAsync();
        await SignInAsync(page);
        await page.ClickAsync("nav a[href='/notifications/alerts']");
        await page.ClickAsync("[data-testid=notifications-nav] a[href='/notifications/webhooks']");
        await page.WaitForSelectorAsync("[data-testid=create-form]");

        var url = _receiver!.BaseUrl + "/page";
        await page.FillAsync("#url", url);
        await page.ClickAsync("[data-testid=create-form] button[type=submit]");
        (await page.Locator("[data-testid=error]").InnerTextAsync()).ShouldContain("events is required");
        (await page.InputValueAsync("#url")).ShouldBe(url); // kept for correction

        await page.CheckAsync("input[name=events][value='order.received']");
        await page.CheckAsync("input[name=events][value='order.cancelled']");
        await page.FillAsync("#description", "Fulfilment partner");
        await page.ClickAsync("[data-testid=create-form] button[type=submit]");
        var secret = await page.Locator("[data-testid=secret]").InnerTextAsync();
        secret.ShouldStartWith("whsec_");
        var row = page.Locator($"[data-testid=webhooks] tr:has-text('{url}')");
        (await row.InnerTextAsync()).ShouldContain("order.received, order.cancelled");
        (await row.Locator("[data-testid=state]").InnerTextAsync()).ShouldContain("enabled");
        await SaveScreenshotAsync(page, "webhooks");
        await page.GotoAsync(_baseUrl + "/notifications/webhooks");
        (await page.ContentAsync()).ShouldNotContain(secret); // shown once

        var placed = await OrderHubApp.PlaceOrderAsync(_api!, Infrastructure.Orders.ValidBody(email: $"page-hook-{Guid.NewGuid():N}@example.com"));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var number = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;
        for (var sweep = 0; sweep < 3; sweep++)
        {
            await _app!.DispatchOutboxAsync();
        }

        await _app!.Services.GetRequiredService<SendWebhooksJob>().RunAsync(Ct);
        _receiver.At("/page").ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            h => WebhookReceiver.SignatureIsValid(h, secret).ShouldBeTrue(),
            h => h.Data.GetProperty("number").GetString().ShouldBe(number));

        await page.GotoAsync(_baseUrl + "/notifications/webhooks");
        await page.Locator($"[data-testid=webhooks] tr:has-text('{url}') [data-testid=deliveries-link]").ClickAsync();
        var delivery = page.Locator($"[data-testid=deliveries] tr:has-text('{number}')");
        (await delivery.Locator("[data-testid=status]").InnerTextAsync()).ShouldBe("Sent");
        (await delivery.Locator("[data-testid=attempts]").InnerTextAsync()).ShouldBe("1");
        (await delivery.Locator("[data-testid=last-answer]").InnerTextAsync()).ShouldContain("200");
        await delivery.Locator("[data-testid=retry]").ClickAsync();
        (await page.Locator("[data-testid=done]").InnerTextAsync()).ShouldContain($"order.received delivery for {number} is queued");
        delivery = page.Locator($"[data-testid=deliveries] tr:has-text('{number}')");
        (await delivery.Locator("[data-testid=status]").InnerTextAsync()).ShouldBe("Queued");
        (await delivery.InnerTextAsync()).ShouldContain($"retried by staff:{OrderHubApp.AdminEmail}");
        await _app.Services.GetRequiredService<SendWebhooksJob>().RunAsync(Ct);
        _receiver.At("/page").Count.ShouldBe(2);
        await page.ReloadAsync();
        (await page.Locator($"[data-testid=deliveries] tr:has-text('{number}') [data-testid=status]").InnerTextAsync()).ShouldBe("Sent");
        await SaveScreenshotAsync(page, "webhook-deliveries");

        // A forged POST from another site: the signed-in cookie without the antiforgery token.
        var action = await delivery.Locator("form").GetAttributeAsync("action");
        var forged = await page.APIRequest.PostAsync(_baseUrl + action, new APIRequestContextOptions { Form = page.APIRequest.CreateFormData() });
        forged.Status.ShouldBe(400);
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

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }
}
