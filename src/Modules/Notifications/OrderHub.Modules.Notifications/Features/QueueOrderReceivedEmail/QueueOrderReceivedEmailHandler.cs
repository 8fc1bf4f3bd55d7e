using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Notifications.Features.QueueOrderReceivedEmail;

/// <summary>Acknowledges a received order to the customer at once (DOMAIN.md step 1). Exactly once per order, via the inbox.</summary>
internal sealed class QueueOrderReceivedEmailHandler(NotificationsDbContext db, TimeProvider clock, ILogger<QueueOrderReceivedEmailHandler> logger)
    : InboxHandler<OrderReceivedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override ValueTask HandleOnceAsync(OrderReceivedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var lines = string.Join(Environment.NewLine, integrationEvent.Lines.Select(l => $"  {l.Quantity} x {l.Sku}"));
        Db.EmailMessages.Add(EmailMessage.Queue(
            integrationEvent.CustomerEmail,
            $"We received your order {integrationEvent.OrderNumber}",
            $"Dear {integrationEvent.CustomerName},{Environment.NewLine}{Environment.NewLine}thank you for your order {integrationEvent.OrderNumber}:" +
            $"{Environment.NewLine}{lines}{Environment.NewLine}{Environment.NewLine}We will email you again when it ships.",
            integrationEvent.OrderNumber,
            integrationEvent.Id,
            Clock.GetUtcNow()));
        using (Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = integrationEvent.OrderNumber }))
        {
            Logger.LogInformation("Queued order confirmation for {OrderNumber}", integrationEvent.OrderNumber);
        }

        return ValueTask.CompletedTask;
    }
}
