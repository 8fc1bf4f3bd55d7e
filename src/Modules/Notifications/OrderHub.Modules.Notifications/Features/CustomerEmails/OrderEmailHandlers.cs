using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Payments.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Notifications.Features.CustomerEmails;

/// <summary>Keeps the customer's address for the order's later emails and acknowledges the order at once (DOMAIN.md step 1).</summary>
internal sealed class QueueReceivedEmailHandler(
    NotificationsDbContext db, CustomerEmailQueue emails, ISender sender, TimeProvider clock, ILogger<QueueReceivedEmailHandler> logger)
    : InboxHandler<OrderReceivedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderReceivedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (!await Db.CustomerContacts.AnyAsync(c => c.OrderId == e.OrderId, cancellationToken))
        {
            Db.CustomerContacts.Add(CustomerContact.For(e.OrderId, e.OrderNumber, e.CustomerEmail, e.CustomerName, Clock.GetUtcNow())); // saved with the email
        }

        var lines = await OrderLines.NamedAsync(sender, [.. e.Lines.Select(l => (l.Sku, l.Quantity))], cancellationToken);
        await emails.QueueAsync(CustomerEmailType.OrderReceived, e.OrderId, null, EmailModels.Lines(lines), e.Id, cancellationToken);
    }
}

/// <summary>The order passed its checks (law, stock, payment) and goes to the warehouse: confirmed.</summary>
internal sealed class QueueConfirmedEmailHandler(
    NotificationsDbContext db, CustomerEmailQueue emails, ISender sender, TimeProvider clock, ILogger<QueueConfirmedEmailHandler> logger)
    : InboxHandler<OrderReadyToFulfillIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderReadyToFulfillIntegrationEvent e, CancellationToken cancellationToken)
    {
        var lines = await OrderLines.NamedAsync(sender, [.. e.Lines.Select(l => (l.Sku, l.Quantity))], cancellationToken);
        await emails.QueueAsync(CustomerEmailType.OrderConfirmed, e.OrderId, null, EmailModels.Lines(lines), e.Id, cancellationToken);
    }
}

/// <summary>The order was cancelled: the customer learns why and that the card hold is released.</summary>
internal sealed class QueueCancelledEmailHandler(NotificationsDbContext db, CustomerEmailQueue emails, TimeProvider clock, ILogger<QueueCancelledEmailHandler> logger)
    : InboxHandler<OrderCancelledIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderCancelledIntegrationEvent e, CancellationToken cancellationToken) =>
        await emails.QueueAsync(CustomerEmailType.Cancelled, e.OrderId, null, EmailModels.Cancellation(e.Reason), e.Id, cancellationToken);
}

/// <summary>Money went back to the card: the customer learns how much, once per refund.</summary>
internal sealed class QueueRefundEmailHandler(NotificationsDbContext db, CustomerEmailQueue emails, TimeProvider clock, ILogger<QueueRefundEmailHandler> logger)
    : InboxHandler<RefundIssuedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(RefundIssuedIntegrationEvent e, CancellationToken cancellationToken) =>
        await emails.QueueAsync(CustomerEmailType.RefundIssued, e.OrderId, e.RefundId, EmailModels.Refund(e.Amount, e.Currency), e.Id, cancellationToken);
}

/// <summary>An order's lines as the emails list them: the wine's name from the catalog, else its SKU.</summary>
internal static class OrderLines
{
    public static async Task<IReadOnlyList<(string Sku, string Name, int Quantity)>> NamedAsync(
        ISender sender, IReadOnlyList<(string Sku, int Quantity)> lines, CancellationToken cancellationToken)
    {
        var names = (await sender.Send(new GetProductsBySkuQuery([.. lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)]), cancellationToken))
            .ToDictionary(p => p.Sku, p => p.Name, StringComparer.Ordinal);
        return [.. lines.Select(l => (l.Sku, names.GetValueOrDefault(l.Sku, l.Sku), l.Quantity))];
    }
}
