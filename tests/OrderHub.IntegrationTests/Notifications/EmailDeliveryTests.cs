using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Features.SendQueuedEmails;
using OrderHub.Modules.Notifications.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>The order confirmation goes out over a real SMTP conversation, once.</summary>
public sealed class EmailDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_placed_order_s_confirmation_is_delivered_by_smtp_exactly_once()
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
        }))
        {
            var response = await OrderHubApp.PlaceOrderAsync(app.CreateApiClient(), Infrastructure.Orders.ValidBody(email: "mailme@example.com"));
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("number").GetString()!;
            await app.DispatchOutboxAsync();

            var job = app.Services.GetRequiredService<SendQueuedEmailsJob>();
            (await job.RunAsync(Ct)).ShouldBeGreaterThan(0); // the acknowledgement, and the confirmation once the order is ready
            (await job.RunAsync(Ct)).ShouldBe(0);

            var message = sink.Messages().Where(m => m.Contains("Subject: We received your order", StringComparison.Ordinal)).ShouldHaveSingleItem();
            message.ShouldContain($"Subject: We received your order {number}");
            message.ShouldContain("To: mailme@example.com");
            var statuses = await app.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().EmailMessages
                .Where(e => e.OrderNumber == number).Select(e => e.Status).ToListAsync(Ct));
            statuses.ShouldAllBe(s => s == EmailStatus.Sent);
        }
    }
}
