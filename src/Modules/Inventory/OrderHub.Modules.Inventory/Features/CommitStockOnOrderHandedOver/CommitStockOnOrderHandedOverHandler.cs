using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Inventory.Features.CommitStockOnOrderHandedOver;

/// <summary>A carry-out sale left the counter: its reserved stock leaves on-hand, exactly once (inbox), with ledger rows naming the order.</summary>
internal sealed class CommitStockOnOrderHandedOverHandler(
    InventoryDbContext db, ISender sender, TimeProvider clock, ILogger<CommitStockOnOrderHandedOverHandler> logger)
    : InboxHandler<OrderHandedOverIntegrationEvent, InventoryDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderHandedOverIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        await sender.Send(new CommitStockCommand(integrationEvent.StockReservationKey), cancellationToken);
        Logger.LogInformation("Committed the stock of order {OrderNumber}, carried out at the counter", integrationEvent.OrderNumber);
    }
}
