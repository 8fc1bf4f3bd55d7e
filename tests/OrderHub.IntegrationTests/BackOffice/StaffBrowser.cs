using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The host on a real Kestrel port and SQLite, the bootstrap API client, and Debian Chromium through Playwright with one
/// browser context per staff member (each its own cookie). Screenshots go to <c>ORDERHUB_SCREENSHOTS</c> (else the temp
/// folder's <c>orderhub-screens</c>). Content-Security-Policy violations seen in any page are collected.
/// </summary>
public sealed class StaffBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private TestDatabase? _database;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public OrderHubApp App { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public List<string> Violations { get; } = [];

    public static bool Available => File.Exists(ChromiumPath);

    private static string Screens =>
        Environment.GetEnvironmentVariable("ORDERHUB_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "orderhub-screens");

    public async Task StartAsync()
    {
        _database = TestDatabase.CreateSqlite();
        App = new OrderHubApp(_database);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Api = Client(OrderHubApp.ApiKey);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A plain HTTP client on the real port, with an API key when given.</summary>
    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A fresh browser context (its own cookies) signed in as the given staff member, on the dashboard.</summary>
    public async Task<IPage> SignedInAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email, password);
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
        return page;
    }

    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Violations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
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
        Api?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
