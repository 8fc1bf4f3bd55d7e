using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Fulfillment.Domain.PickLists;

internal enum PickListStatus
{
    Open,
    Completed,
}

/// <summary>
/// One wave of a location's open fulfillments, to be walked once: items in walking order, each a bin, SKU, lot and
/// quantity for one fulfillment. Confirmed once, with what was really picked.
/// </summary>
internal sealed class PickList
{
    private readonly List<PickListItem> _items = [];

    private PickList()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>"PL-000042": what the picker reads and scans (the list's barcode).</summary>
    public string Number { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    public PickListStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    /// <summary>Every fulfillment the wave took, oldest first (one whose stock could not be found is listed with no items).</summary>
    public IReadOnlyList<Guid> FulfillmentIds { get; private set; } = [];

    public IReadOnlyList<PickListItem> Items => _items;

    /// <summary>Optimistic concurrency: two confirmations of one list cannot both win.</summary>
    public int Version { get; private set; }

    public static PickList Create(Guid id, long sequence, string locationCode, IReadOnlyList<Guid> fulfillmentIds, IEnumerable<PickListItem> items, string actor, DateTimeOffset now)
    {
        var list = new PickList
        {
            Id = id,
            Number = NumberFor(sequence),
            LocationCode = locationCode,
            Status = PickListStatus.Open,
            CreatedAt = now,
            CreatedBy = actor,
            FulfillmentIds = fulfillmentIds,
        };
        list._items.AddRange(items);
        return list;
    }

    public static string NumberFor(long sequence) => $"PL-{sequence:000000}";

    /// <summary>Records what was picked per item (sequence → units and lot); the list is then Completed.</summary>
    public void Complete(IReadOnlyDictionary<int, (int Picked, string Lot)> picks, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(picks);
        if (Status != PickListStatus.Open)
        {
            throw new ConflictException($"Pick list {Number} was already confirmed at {CompletedAt:u} by {CompletedBy}.");
        }

        foreach (var item in _items)
        {
            var (picked, lot) = picks[item.Sequence];
            item.Confirm(picked, lot);
        }

        Status = PickListStatus.Completed;
        CompletedAt = now;
        CompletedBy = actor;
        Version++;
    }
}

/// <summary>One stop of the walk; after confirmation, what was picked and from which lot.</summary>
internal sealed class PickListItem(Guid pickListId, int sequence, string bin, string sku, string lot, int quantity, string orderNumber, Guid fulfillmentId)
{
    public Guid PickListId { get; private set; } = pickListId;

    public int Sequence { get; private set; } = sequence;

    public string Bin { get; private set; } = bin;

    public string Sku { get; private set; } = sku;

    public string Lot { get; private set; } = lot;

    public int Quantity { get; private set; } = quantity;

    public string OrderNumber { get; private set; } = orderNumber;

    public Guid FulfillmentId { get; private set; } = fulfillmentId;

    public int? PickedQuantity { get; private set; }

    /// <summary>The lot taken when it was not the listed one (a substitution from the same bin).</summary>
    public string? PickedLot { get; private set; }

    internal void Confirm(int picked, string lot)
    {
        PickedQuantity = picked;
        PickedLot = string.Equals(lot, Lot, StringComparison.Ordinal) ? null : lot;
    }
}
