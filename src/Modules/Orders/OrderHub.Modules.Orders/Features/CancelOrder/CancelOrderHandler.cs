using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.CancelOrder;

/// <summary>
/// Cancels and announces it through the outbox in the same transaction: the releases of stock, payment and
/// compliance volume follow exactly once each, even if this host dies right after the commit.
/// </summary>
internal sealed class CancelOrderHandler(OrdersDbContext db, TimeProvider clock, ILogger<CancelOrderHandler> logger)
    : ICommandHandler<CancelOrderCommand, bool>
{
    public async ValueTask<bool> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadOrderAsync(command.OrderId, cancellationToken);
        if (!order.Cancel(command.Reason!, command.Actor, clock.GetUtcNow()))
        {
            return false; // already cancelled: nothing more to release
        }

        db.AddIntegrationEvent(new OrderCancelledIntegrationEvent(order.Id, order.Number, command.Reason!, PlacementKeys.Stock(order.Id)));
        logger.LogInformation("Order {OrderNumber} cancelled by {Actor}: {Reason}", order.Number, command.Actor, command.Reason);
        return true;
    }
}
