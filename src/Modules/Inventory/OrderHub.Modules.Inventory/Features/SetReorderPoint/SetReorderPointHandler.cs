using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Replenishment;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.SetReorderPoint;

/// <summary>Creates or replaces the reorder point of a SKU at a location. Unknown SKU/location, a kit, or a supplier that is not a Supplier-type location are 422.</summary>
internal sealed class SetReorderPointHandler(InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<SetReorderPointHandler> logger)
    : ICommandHandler<SetReorderPointCommand, ReorderPointDto>
{
    public const int DefaultLeadTimeDays = 14;

    public async ValueTask<ReorderPointDto> Handle(SetReorderPointCommand command, CancellationToken cancellationToken)
    {
        var locationCode = command.LocationCode.Trim();
        var sku = command.Sku.Trim();
        await stock.RequireLocationAsync(locationCode, cancellationToken);
        await stock.RequireStockedProductsAsync([sku], cancellationToken);
        var supplier = string.IsNullOrWhiteSpace(command.SupplierLocationCode) ? null : command.SupplierLocationCode.Trim();
        if (supplier is not null && !await db.IsSupplierAsync(supplier, cancellationToken))
        {
            throw new BusinessRuleViolationException("SupplierMustBeSupplierLocation", $"Location '{supplier}' does not exist or is not a Supplier location.");
        }

        var point = await db.ReorderPoints.SingleOrDefaultAsync(p => p.LocationCode == locationCode && p.Sku == sku, cancellationToken);
        if (point is null)
        {
            point = ReorderPoint.Create(locationCode, sku);
            db.ReorderPoints.Add(point);
        }

        point.Set(command.ReorderPoint, command.ReorderQuantity, supplier, command.LeadTimeDays ?? DefaultLeadTimeDays, clock.GetUtcNow());
        logger.LogInformation("Reorder point of {Sku} at {LocationCode}: below {ReorderPoint} order {ReorderQuantity} from {Supplier}",
            sku, locationCode, command.ReorderPoint, command.ReorderQuantity, supplier ?? "(latest supplier)");
        return ReorderPointDto.From(point);
    }
}
