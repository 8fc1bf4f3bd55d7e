using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Access;
using Serilog.Core;
using Serilog.Events;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// Sign-in is throttled per client address and per account (429 with a clear page) instead of locking the account;
/// every failure gets the same message, and the log names the account by a hash, never by the typed email.
/// Each test has its own host: the limits count for the life of a host. The window is an hour, so it never turns
/// over during a test.
/// </summary>
public sealed partial class SignInThrottlingTests
{
    private const string WrongPassword = "Wrong-Password-123";

    [Fact]
    public async Task Every_failed_sign_in_gets_one_message_and_the_log_has_the_account_hash_not_the_email()
    {
        var logs = new CapturedLogs();
        await using var database = TestDatabase.CreateSqlite();
        await using var host = new OrderHubApp(database, Limits(perAddress: 100, perAccount: 100));
        await using var app = host.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(logs)));
        const string disabled = "disabled@orderhub.test";
        await CreateStaffAsync(app.Services, disabled, "Disabled-Staff-2026!", disable: true);

        var unknown = await SignInAsync(app, "nobody-here@orderhub.test", WrongPassword);
        var wrong = await SignInAsync(app, OrderHubApp.AdminEmail, WrongPassword);
        var locked = await SignInAsync(app, disabled, "Disabled-Staff-2026!");

        foreach (var answer in new[] { unknown, wrong, locked })
        {
            answer.Status.ShouldBe(HttpStatusCode.OK);
            ErrorsOf(answer.Html).ShouldBe("Email or password is wrong.");
        }

        var failures = logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("Failed back-office sign-in", StringComparison.Ordinal)).ToList();
        failures.Count.ShouldBe(3);
        var rendered = string.Join('\n', logs.Events.Select(e => e.RenderMessage() + " " + string.Join(' ', e.Properties.Values)));
        rendered.ShouldNotContain("nobody-here");
        rendered.ShouldNotContain(OrderHubApp.AdminEmail);
        rendered.ShouldNotContain(disabled);
        failures.Select(e => e.Properties["AccountHash"].ToString().Trim('"'))
            .ShouldBe([Hash("nobody-here@orderhub.test"), Hash(OrderHubApp.AdminEmail), Hash(disabled)]);
    }

    [Fact]
    public async Task Five_wrong_passwords_do_not_lock_the_admin_out()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OrderHubApp(database, Limits(perAddress: 100, perAccount: 100));
        for (var i = 0; i < 6; i++)
        {
            ErrorsOf((await SignInAsync(app, OrderHubApp.AdminEmail, WrongPassword)).Html).ShouldBe("Email or password is wrong.");
        }

        var right = await SignInAsync(app, OrderHubApp.AdminEmail, OrderHubApp.AdminPassword);
        right.Status.ShouldBe(HttpStatusCode.Redirect);
        right.Location.ShouldBe("/");
    }

    [Fact]
    public async Task Attempts_beyond_the_account_limit_are_429_with_a_clear_page_while_other_accounts_still_sign_in()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OrderHubApp(database, Limits(perAddress: 100, perAccount: 3));
        await CreateStaffAsync(app.Services, "other@orderhub.test", "Other-Staff-2026!", disable: false);
        for (var i = 0; i < 3; i++)
        {
            (await SignInAsync(app, OrderHubApp.AdminEmail, WrongPassword)).Status.ShouldBe(HttpStatusCode.OK);
        }

        // The account is throttled, whatever the password and however the email is written.
        var throttled = await SignInAsync(app, OrderHubApp.AdminEmail.ToUpperInvariant(), OrderHubApp.AdminPassword);
        throttled.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.ContentType.ShouldBe("text/html");
        throttled.Html.ShouldContain("Too many sign-in attempts. Wait a few minutes, then try again.");
        throttled.RetryAfter.ShouldNotBeNull();

        var other = await SignInAsync(app, "other@orderhub.test", "Other-Staff-2026!");
        other.Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Attempts_beyond_the_address_limit_are_429_whatever_the_account()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OrderHubApp(database, Limits(perAddress: 3, perAccount: 100));
        for (var i = 0; i < 3; i++)
        {
            (await SignInAsync(app, $"guess{i}@orderhub.test", WrongPassword)).Status.ShouldBe(HttpStatusCode.OK);
        }

        var throttled = await SignInAsync(app, OrderHubApp.AdminEmail, OrderHubApp.AdminPassword);
        throttled.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Html.ShouldContain("Too many sign-in attempts");

        // Only sign-in attempts count: the rest of the site answers as before.
        (await app.CreateClient().GetAsync("/account/login", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Dictionary<string, string?> Limits(int perAddress, int perAccount) => new()
    {
        ["OrderHub:SignIn:PerAddressLimit"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["OrderHub:SignIn:PerAccountLimit"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["OrderHub:SignIn:Window"] = "01:00:00",
    };

    private static string Hash(string email) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..12];

    private static async Task<(HttpStatusCode Status, string Html, string? Location, string? ContentType, TimeSpan? RetryAfter)> SignInAsync(
        WebApplicationFactory<Program> app, string email, string password)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/account/login", TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync("/account/login", form, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            response.Headers.Location?.ToString(), response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta);
    }

    private static string ErrorsOf(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(ErrorsBlock().Match(html).Groups[1].Value, "<[^>]+>", string.Empty)).Trim();

    private static async Task CreateStaffAsync(IServiceProvider services, string email, string password, bool disable)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, StaffRoles.CustomerService)).Succeeded.ShouldBeTrue();
        if (disable)
        {
            (await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded.ShouldBeTrue();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<div class=\"errors[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorsBlock();

    private sealed class CapturedLogs : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
