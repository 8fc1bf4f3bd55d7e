namespace OrderHub.Modules.Inventory.Domain.Replenishment;

/// <summary>
/// When available + expected units of a SKU at a location fall below <see cref="Point"/>, reorder
/// <see cref="Quantity"/> units (or more, up to the point) from <see cref="SupplierLocationCode"/>.
/// </summary>
internal sealed class ReorderPoint
{
    private ReorderPoint()
    {
    }

    public string LocationCode { get; private set; } = string.Empty;

    public string Sku { get; private set; } = string.Empty;

    public int Point { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>The Supplier-type location to order from; null = the supplier of the SKU's latest purchase order.</summary>
    public string? SupplierLocationCode { get; private set; }

    /// <summary>Days from ordering to arrival: the expected date of a draft purchase order line.</summary>
    public int LeadTimeDays { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ReorderPoint Create(string locationCode, string sku) => new() { LocationCode = locationCode, Sku = sku };

    public void Set(int point, int quantity, string? supplierLocationCode, int leadTimeDays, DateTimeOffset now)
    {
        Point = point;
        Quantity = quantity;
        SupplierLocationCode = supplierLocationCode;
        LeadTimeDays = leadTimeDays;
        UpdatedAt = now;
    }
}

/// <summary>One low-stock finding of the daily reorder check: at most one per SKU, location and (UTC) day.</summary>
internal sealed class ReorderSuggestion
{
    private ReorderSuggestion()
    {
    }

    public Guid Id { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    public DateOnly Day { get; private set; }

    public int Available { get; private set; }

    public int Expected { get; private set; }

    public int ReorderPoint { get; private set; }

    public int SuggestedQuantity { get; private set; }

    public string? SupplierLocationCode { get; private set; }

    /// <summary>The draft purchase order raised to the supplier; null when no supplier is known.</summary>
    public Guid? PurchaseOrderId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ReorderSuggestion Raise(
        string sku, string locationCode, DateOnly day, int available, int expected, int reorderPoint, int suggestedQuantity,
        string? supplierLocationCode, Guid? purchaseOrderId, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Sku = sku,
            LocationCode = locationCode,
            Day = day,
            Available = available,
            Expected = expected,
            ReorderPoint = reorderPoint,
            SuggestedQuantity = suggestedQuantity,
            SupplierLocationCode = supplierLocationCode,
            PurchaseOrderId = purchaseOrderId,
            CreatedAt = now,
        };
}
