using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.AllocateBackorders;

/// <summary>Stock arrived: serve the backorders waiting for those SKUs, in the inbox transaction (exactly once per arrival).</summary>
internal sealed class AllocateBackordersOnStockArrivedHandler(InventoryDbContext db, ISender sender, TimeProvider clock, ILogger<AllocateBackordersOnStockArrivedHandler> logger)
    : InboxHandler<StockArrivedIntegrationEvent, InventoryDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(StockArrivedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var allocated = await sender.Send(new AllocateBackordersCommand(integrationEvent.Skus), cancellationToken);
        if (allocated > 0)
        {
            Logger.LogInformation("Arrival {Reference} at {LocationCode} served {Allocated} backorder(s)", integrationEvent.Reference, integrationEvent.LocationCode, allocated);
        }
    }
}
