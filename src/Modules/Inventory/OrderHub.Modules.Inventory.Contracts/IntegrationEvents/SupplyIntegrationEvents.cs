using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Inventory.Contracts.IntegrationEvents;

/// <summary>Units of these SKUs were put on hand at a location (a receipt, a purchase-order receipt or a received transfer).</summary>
public sealed record StockArrivedIntegrationEvent(string LocationCode, IReadOnlyList<string> Skus, string Reference) : IntegrationEvent;

/// <summary>A waiting backorder got its stock: <see cref="Lines"/> (as requested) are now reserved under <see cref="ReservationKey"/>.</summary>
public sealed record BackorderAllocatedIntegrationEvent(string ReservationKey, string? OrderNumber, IReadOnlyList<StockLine> Lines) : IntegrationEvent;

/// <summary>
/// The daily reorder check found a SKU whose available plus expected stock at a location is below its reorder point.
/// <see cref="PurchaseOrderId"/> is the draft purchase order raised to the supplier, when one is known.
/// </summary>
public sealed record LowStockDetectedIntegrationEvent(
    string Sku,
    string LocationCode,
    int Available,
    int Expected,
    int ReorderPoint,
    int SuggestedQuantity,
    string? SupplierLocationCode,
    Guid? PurchaseOrderId) : IntegrationEvent;
