using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Inventory.Features.CommitStockOnShipmentDeparted;

/// <summary>
/// A shipment left with its carrier: the units held for it at its location leave on-hand and reserved, exactly once
/// (inbox, and the ledger reference names the shipment).
/// </summary>
internal sealed class CommitStockOnShipmentDepartedHandler(
    InventoryDbContext db, ISender sender, TimeProvider clock, ILogger<CommitStockOnShipmentDepartedHandler> logger)
    : InboxHandler<OrderShipmentDepartedIntegrationEvent, InventoryDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderShipmentDepartedIntegrationEvent e, CancellationToken cancellationToken)
    {
        using var scope = Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = e.OrderNumber });
        await sender.Send(new CommitStockCommand(e.StockReservationKey, e.LocationCode, $"shipment:{e.ShipmentId:N}"), cancellationToken);
        Logger.LogInformation("Committed the stock of order {OrderNumber} that left {LocationCode}", e.OrderNumber, e.LocationCode);
    }
}
