using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Access;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The host on a real Kestrel port and SQLite, Debian Chromium through Playwright, and a staff member per role (created
/// through Identity's <see cref="UserManager{TUser}"/>): what the catalog, stock, dashboard and error page tests share.
/// Screenshots go to <c>ORDERHUB_SCREENSHOTS</c> (else the temp folder's <c>orderhub-screens</c>).
/// </summary>
public abstract class BackOfficeBrowser : IAsyncLifetime
{
    public const string Password = "Role-Check-2026!";
    public const string WarehouseEmail = "warehouse@orderhub.test";
    public const string ServiceEmail = "service@orderhub.test";
    public const string ComplianceEmail = "compliance@orderhub.test";
    private const string ChromiumPath = "/usr/bin/chromium";
    private TestDatabase? _database;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected const int Wait = 60_000;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected OrderHubApp App { get; private set; } = null!;

    protected HttpClient Api { get; private set; } = null!;

    protected string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Console messages that name a Content-Security-Policy violation.</summary>
    protected List<string> Violations { get; } = [];

    private static string Screens =>
        Environment.GetEnvironmentVariable("ORDERHUB_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "orderhub-screens");

    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        App = new OrderHubApp(_database);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Api.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        await CreateStaffAsync(WarehouseEmail, StaffRoles.Warehouse);
        await CreateStaffAsync(ServiceEmail, StaffRoles.CustomerService);
        await CreateStaffAsync(ComplianceEmail, StaffRoles.Compliance);
        if (File.Exists(ChromiumPath))
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
            });
        }
    }

    /// <summary>A new signed-in browser page (its own cookies) at a tablet-or-desktop viewport.</summary>
    protected async Task<IPage> SignedInAsync(string email, int width = 1280, int height = 900)
    {
        if (_browser is null)
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does).");
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", email == OrderHubApp.AdminEmail ? OrderHubApp.AdminPassword : Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=dashboard]");
        return page;
    }

    protected static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screens);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, $"{name}.png"), FullPage = true });
    }

    /// <summary>
    /// Every visible input, select and textarea on the page has an accessible name (a label, aria-label or
    /// aria-labelledby); returns the ones that do not, by id or name.
    /// </summary>
    protected static async Task<string[]> UnlabelledFieldsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
                .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
                .filter(e => !((e.labels && [...e.labels].some(l => l.textContent.trim().length > 0))
                    || (e.getAttribute('aria-label') || '').trim().length > 0
                    || (e.getAttribute('aria-labelledby') || '').split(' ').some(id => document.getElementById(id)?.textContent.trim())))
                .map(e => e.id || e.name || e.outerHTML)
            """);

    /// <summary>Presses Tab from the top of the page until <paramref name="selector"/> has focus; the presses it took (or fails).</summary>
    protected static async Task<int> TabUntilFocusedAsync(IPage page, string selector, int max = 60)
    {
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        for (var presses = 1; presses <= max; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return presses;
            }
        }

        throw new ShouldAssertException($"Tab never reached {selector} in {max} presses on {page.Url}");
    }

    /// <summary>The dispatcher's sweeps (it is off in the test host): events to the other modules and their answers.</summary>
    protected async Task SettleAsync()
    {
        var dispatcher = App.Services.GetRequiredService<OutboxDispatcher>();
        for (var sweep = 0; sweep < 6; sweep++)
        {
            await dispatcher.DispatchPendingAsync(Ct);
        }
    }

    private async Task CreateStaffAsync(string email, string role)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api.Dispose();
        await App.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
