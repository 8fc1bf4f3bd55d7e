using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Everything needed to receive an order (already validated and priced).</summary>
internal sealed record ReceiveOrder(
    string Number,
    OrderChannel Channel,
    string? ExternalReference,
    Customer Customer,
    Address ShippingAddress,
    Address? BillingAddress,
    ShippingService ShippingService,
    string? PaymentToken,
    string Currency,
    IReadOnlyList<PricedLine> Lines,
    decimal ShippingCharge,
    decimal Tax);

/// <summary>A line as priced from the catalog at placement; alcohol and bottle size are kept as facts of the sale.</summary>
internal sealed record PricedLine(string Sku, int Quantity, decimal UnitPrice, bool IsAlcohol = false, int VolumeMl = 0);

internal sealed record Customer(string Email, string FirstName, string LastName, DateOnly? DateOfBirth, string? Phone)
{
    public string FullName => $"{FirstName} {LastName}";
}
