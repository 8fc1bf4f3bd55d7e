using OrderHub.Modules.Fulfillment.Domain.PickLists;
using OrderHub.Modules.Fulfillment.Picking.Waves;

namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>A pick list as the API shows it (API.md, "Fulfillment"): items in walking order; picked figures once confirmed.</summary>
internal sealed record PickListDto(
    Guid Id,
    string Number,
    string LocationCode,
    string Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<Guid> FulfillmentIds,
    IReadOnlyList<PickListItemDto> Items)
{
    public static PickListDto From(PickList list, Func<string, int> unitsPerCase) => new(
        list.Id, list.Number, list.LocationCode, list.Status.ToString(), list.CreatedAt, list.CreatedBy, list.CompletedAt, list.FulfillmentIds,
        [.. list.Items.OrderBy(i => i.Sequence).Select(i => new PickListItemDto(
            i.Sequence, i.Bin, i.Sku, i.Lot, i.Quantity, CaseQuantity.Of(i.Quantity, unitsPerCase(i.Sku)).ToString(), i.OrderNumber, i.FulfillmentId,
            i.PickedQuantity, i.PickedLot))]);
}

/// <summary>One stop: <see cref="AsCases"/> is the quantity as a picker reads it ("1 cs + 2 btl").</summary>
internal sealed record PickListItemDto(
    int Sequence, string Bin, string Sku, string Lot, int Quantity, string AsCases, string OrderNumber, Guid FulfillmentId, int? PickedQuantity, string? PickedLot);
