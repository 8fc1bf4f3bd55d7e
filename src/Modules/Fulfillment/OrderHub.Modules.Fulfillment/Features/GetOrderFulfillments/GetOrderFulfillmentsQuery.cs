using Mediator;

namespace OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;

/// <summary>An order's fulfillments, one per ship-from location (API.md, "Fulfillment"); empty until it is sourced.</summary>
internal sealed record GetOrderFulfillmentsQuery(Guid OrderId) : IQuery<IReadOnlyList<FulfillmentDto>>;

internal sealed record FulfillmentDto(
    Guid Id,
    Guid OrderId,
    string OrderNumber,
    string LocationCode,
    string Type,
    string Status,
    IReadOnlyList<FulfillmentLineDto> Lines,
    IReadOnlyList<PackageDto> Packages,
    Guid? ShipmentId,
    Guid? PurchaseOrderId);

internal sealed record FulfillmentLineDto(string Sku, int Quantity, int PickedQuantity);

internal sealed record PackageDto(Guid Id, string Box, int WeightGrams, int LengthCm, int WidthCm, int HeightCm, IReadOnlyList<PackageLineDto> Lines);

internal sealed record PackageLineDto(string Sku, int Quantity);
