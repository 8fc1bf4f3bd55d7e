using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Features.ScanForStaffAlerts;
using OrderHub.Modules.Notifications.Features.SendQueuedEmails;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>An alert kind set to a role's mailbox (<c>AlertEmails:&lt;Kind&gt;</c>) is emailed over a real SMTP conversation, once per alert.</summary>
public sealed class AlertEmailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_compliance_hold_alert_is_emailed_to_the_compliance_mailbox_exactly_once_and_other_kinds_are_not()
    {
        var (sink, reason) = await SmtpSink.StartAsync();
        if (sink is null)
        {
            Assert.Skip(reason!);
        }

        await using (sink)
        await using (var database = TestDatabase.CreateSqlite())
        await using (var app = new OrderHubApp(database, new Dictionary<string, string?>
        {
            ["OrderHub:Smtp:Enabled"] = "true",
            ["OrderHub:Smtp:Host"] = "127.0.0.1",
            ["OrderHub:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OrderHub:Notifications:AlertEmails:ComplianceHold"] = "compliance-team@example.com",
            ["OrderHub:Notifications:BackOfficeUrl"] = "https://orderhub.example.com",
        }))
        {
            var response = await OrderHubApp.PlaceOrderAsync(app.CreateApiClient(), Infrastructure.Orders.ValidBody(email: "held-mail@example.com", dateOfBirth: null));
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            var order = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            var number = order.GetProperty("number").GetString()!;
            var id = order.GetProperty("id").GetGuid();
            await app.DispatchOutboxAsync();
            await app.InScopeAsync(sp => sp.GetRequiredService<ScanForStaffAlertsJob>().RunAsync(Ct));
            await app.InScopeAsync(sp => sp.GetRequiredService<ScanForStaffAlertsJob>().RunAsync(Ct)); // the same hold again: no second email

            var job = app.Services.GetRequiredService<SendQueuedEmailsJob>();
            await job.RunAsync(Ct);
            (await job.RunAsync(Ct)).ShouldBe(0);

            var alerts = sink.Messages().Where(m => m.Contains("To: compliance-team@example.com", StringComparison.Ordinal)).ToList();
            var message = alerts.ShouldHaveSingleItem().Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal); // quoted-printable soft breaks
            message.ShouldContain($"Order {number} waits on a Compliance hold");
            message.ShouldContain($"https://orderhub.example.com/orders/{id}");
            sink.Messages().ShouldNotContain(m => m.Contains("To: compliance-team@example.com", StringComparison.Ordinal) && !m.Contains(number, StringComparison.Ordinal));
        }
    }
}
