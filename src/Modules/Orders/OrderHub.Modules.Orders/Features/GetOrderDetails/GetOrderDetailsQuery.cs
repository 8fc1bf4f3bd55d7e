using Mediator;

namespace OrderHub.Modules.Orders.Features.GetOrderDetails;

internal sealed record GetOrderDetailsQuery(Guid OrderId) : IQuery<OrderDetailsDto>;

/// <summary>The order as API.md fixes it (plus a few fields support staff need).</summary>
internal sealed record OrderDetailsDto(
    Guid Id,
    string Number,
    string Status,
    string Channel,
    string? ExternalReference,
    CustomerDto Customer,
    AddressDto ShippingAddress,
    AddressDto? BillingAddress,
    string ShippingService,
    IReadOnlyList<OrderLineDto> Lines,
    TotalsDto Totals,
    IReadOnlyList<HoldDto> Holds,
    IReadOnlyList<ShipmentDto> Shipments,
    IReadOnlyList<PaymentDto> Payments,
    IReadOnlyList<TimelineEntryDto> Timeline,
    bool AdultSignatureRequired,
    Guid? MergedIntoOrderId,
    DateTimeOffset PlacedAt,
    OrderLinkDto? ReplacementFor,
    IReadOnlyList<OrderLinkDto> Reships);

/// <summary>Another order this one is linked to: the order a reship replaces, or a replacement sent for this one.</summary>
internal sealed record OrderLinkDto(Guid Id, string Number, string Status);

internal sealed record CustomerDto(string Email, string FirstName, string LastName, DateOnly? DateOfBirth, string? Phone);

internal sealed record AddressDto(string Line1, string? Line2, string City, string Region, string PostalCode, string Country);

internal sealed record OrderLineDto(int LineNumber, string Sku, int Quantity, decimal UnitPrice, string Status);

internal sealed record TotalsDto(decimal Subtotal, decimal Shipping, decimal Tax, decimal Total, string Currency);

/// <summary>An active hold; released holds stay on the timeline.</summary>
internal sealed record HoldDto(string Type, string Reason, string? Rule, DateTimeOffset PlacedAt);

internal sealed record ShipmentDto(Guid Id, string Carrier, string Service, string? TrackingNumber, string Status, DateOnly? EstimatedDelivery);

internal sealed record PaymentDto(string Type, decimal Amount, string Currency, string Status, string? Reference, DateTimeOffset At);

internal sealed record TimelineEntryDto(DateTimeOffset At, string Event, string Detail, string Actor);
