using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Domain.Supply;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

/// <summary>Records expected supply. Unknown SKUs/locations and kits are refused (422) naming them.</summary>
internal sealed class CreatePurchaseOrderHandler(
    InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<CreatePurchaseOrderHandler> logger)
    : ICommandHandler<CreatePurchaseOrderCommand, PurchaseOrderDto>
{
    public async ValueTask<PurchaseOrderDto> Handle(CreatePurchaseOrderCommand command, CancellationToken cancellationToken)
    {
        var destination = command.DestinationLocationCode!.Trim();
        await stock.RequireLocationAsync(destination, cancellationToken);
        var supplier = string.IsNullOrWhiteSpace(command.SupplierLocationCode) ? null : command.SupplierLocationCode.Trim();
        if (supplier is not null)
        {
            await stock.RequireLocationAsync(supplier, cancellationToken);
        }

        var lines = command.Lines!.Select(l => (Sku: l.Sku!.Trim(), l.Quantity, ExpectedAt: l.ExpectedAt!.Value.ToUniversalTime())).ToList();
        await stock.RequireStockedProductsAsync([.. lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)], cancellationToken);

        var kind = command.Kind is null ? PurchaseOrderKind.Purchase : Enum.Parse<PurchaseOrderKind>(command.Kind);
        var now = clock.GetUtcNow();
        var order = PurchaseOrder.Create(kind, supplier, destination, command.Reference?.Trim(), command.Draft, now);
        foreach (var (sku, quantity, expectedAt) in lines)
        {
            order.AddLine(sku, quantity, expectedAt);
        }

        db.PurchaseOrders.Add(order);
        var dto = PurchaseOrderDto.From(order);
        logger.LogInformation("Purchase order {PurchaseOrderId} ({Kind}, {Status}) to {Destination} from {Supplier}: {Lines} line(s)",
            order.Id, kind, order.Status, destination, supplier ?? "-", lines.Count);
        return dto;
    }
}

internal static class SupplyQueries
{
    /// <summary>Whether a location is a supplier.</summary>
    public static Task<bool> IsSupplierAsync(this InventoryDbContext db, string code, CancellationToken cancellationToken) =>
        db.Locations.AnyAsync(l => l.Code == code && l.Type == LocationType.Supplier, cancellationToken);
}
