using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Notifications.Features.QueueOrderCancelledEmail;

/// <summary>Tells the customer their order was cancelled, to the address the confirmation went to. Once per cancellation.</summary>
internal sealed class QueueOrderCancelledEmailHandler(NotificationsDbContext db, TimeProvider clock, ILogger<QueueOrderCancelledEmailHandler> logger)
    : InboxHandler<OrderCancelledIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var confirmation = await Db.EmailMessages.AsNoTracking()
            .Where(e => e.OrderNumber == integrationEvent.OrderNumber)
            .OrderBy(e => e.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (confirmation is null)
        {
            Logger.LogWarning("No customer address on file for cancelled order {OrderNumber}; no email queued", integrationEvent.OrderNumber);
            return;
        }

        Db.EmailMessages.Add(EmailMessage.Queue(
            confirmation.To,
            $"Your order {integrationEvent.OrderNumber} was cancelled",
            $"Your order {integrationEvent.OrderNumber} was cancelled ({integrationEvent.Reason}). Any payment hold on your card is released.",
            integrationEvent.OrderNumber,
            integrationEvent.Id,
            Clock.GetUtcNow()));
        Logger.LogInformation("Queued cancellation email for {OrderNumber}", integrationEvent.OrderNumber);
    }
}
