using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Features.CancelBackorder;
using OrderHub.Modules.Inventory.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Inventory.Features.ReleaseStockOnOrderCancelled;

/// <summary>A cancelled order gives its reserved stock back, exactly once (inbox), in the same transaction as the inbox row.</summary>
internal sealed class ReleaseStockOnOrderCancelledHandler(InventoryDbContext db, ISender sender, TimeProvider clock, ILogger<ReleaseStockOnOrderCancelledHandler> logger)
    : InboxHandler<OrderCancelledIntegrationEvent, InventoryDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        // First drop a waiting backorder (a guarded update that waits for an allocation in flight), then release what is held.
        await sender.Send(new CancelBackorderCommand(integrationEvent.StockReservationKey, $"Order {integrationEvent.OrderNumber} cancelled"), cancellationToken);
        await sender.Send(new ReleaseStockCommand(integrationEvent.StockReservationKey, $"Order {integrationEvent.OrderNumber} cancelled"), cancellationToken);
        Logger.LogInformation("Released stock of cancelled order {OrderNumber}", integrationEvent.OrderNumber);
    }
}
