using Mediator;

namespace OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;

/// <summary>An order's fulfillments, one per ship-from location (API.md, "Fulfillment"); empty until it is sourced.</summary>
internal sealed record GetOrderFulfillmentsQuery(Guid OrderId) : IQuery<IReadOnlyList<FulfillmentDto>>;

/// <summary>A fulfillment; <see cref="PickListId"/> names the pick list it is on, once the warehouse made one.</summary>
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
    Guid? PurchaseOrderId,
    Guid? PickListId = null)
{
    public static FulfillmentDto From(Domain.Fulfillments.Fulfillment f) => new(
        f.Id, f.OrderId, f.OrderNumber, f.LocationCode, f.Type.ToString(), f.Status.ToString(),
        [.. f.Lines.OrderBy(l => l.LineNumber).Select(l => new FulfillmentLineDto(l.Sku, l.Quantity, l.PickedQuantity))],
        [.. f.Packages.OrderBy(p => p.Number).Select(p => new PackageDto(
            p.Id, p.Box, p.WeightGrams, p.LengthCm, p.WidthCm, p.HeightCm, [.. p.Lines.Select(l => new PackageLineDto(l.Sku, l.Quantity))]))],
        f.ShipmentId, f.PurchaseOrderId, f.PickListId);
}

internal sealed record FulfillmentLineDto(string Sku, int Quantity, int PickedQuantity);

internal sealed record PackageDto(Guid Id, string Box, int WeightGrams, int LengthCm, int WidthCm, int HeightCm, IReadOnlyList<PackageLineDto> Lines);

internal sealed record PackageLineDto(string Sku, int Quantity);
