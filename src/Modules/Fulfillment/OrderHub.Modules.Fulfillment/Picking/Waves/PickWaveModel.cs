namespace OrderHub.Modules.Fulfillment.Picking.Waves;

/// <summary>An open fulfillment of the location, as the wave planner needs it; <see cref="PlacedAt"/> orders waves fairly.</summary>
internal sealed record WaveFulfillment(Guid Id, string OrderNumber, DateTimeOffset PlacedAt, IReadOnlyList<WaveLine> Lines);

/// <summary>A line to pick: units (bottles) of a SKU; <see cref="UnitsPerCase"/> only shapes how the quantity is printed.</summary>
internal sealed record WaveLine(string Sku, int Quantity, int UnitsPerCase = 12);

/// <summary>
/// Units of one lot of a SKU in one bin that may be picked, as read (on hand less what other pick lists hold).
/// Quarantined and expired lots may be passed in: the planner never picks them.
/// </summary>
internal sealed record PickableStock(string Bin, string Sku, string Lot, int Available, DateOnly? ExpiresOn, DateOnly ReceivedOn, bool Quarantined = false);

/// <summary>A quantity of bottles as full cases plus loose bottles (14 at 12 a case = 1 case + 2 bottles).</summary>
internal readonly record struct CaseQuantity(int Cases, int Bottles)
{
    /// <summary>Splits <paramref name="quantity"/> by <paramref name="unitsPerCase"/>; a "case" of 1 (or less) is shown as bottles only.</summary>
    public static CaseQuantity Of(int quantity, int unitsPerCase)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return unitsPerCase > 1 ? new CaseQuantity(quantity / unitsPerCase, quantity % unitsPerCase) : new CaseQuantity(0, quantity);
    }

    /// <summary>"1 cs + 2 btl", "2 cs", "5 btl" (what a picker reads on paper).</summary>
    public override string ToString() => (Cases, Bottles) switch
    {
        (0, var b) => $"{b} btl",
        (var c, 0) => $"{c} cs",
        var (c, b) => $"{c} cs + {b} btl",
    };
}

/// <summary>One stop of the walk: take <see cref="Quantity"/> of a lot from a bin for one fulfillment.</summary>
internal sealed record PickItem(
    int Sequence,
    string Bin,
    string Sku,
    string Lot,
    int Quantity,
    string OrderNumber,
    Guid FulfillmentId,
    CaseQuantity AsCases);

/// <summary>Units of a SKU a fulfillment needs that no pickable lot at the location covers; the caller re-sources them.</summary>
internal sealed record PickShortage(Guid FulfillmentId, string OrderNumber, string Sku, int Wanted, int Missing);

/// <summary>
/// A wave: the fulfillments it serves (oldest first; those that got nothing are listed too, with their shortage),
/// the items in walking order (sequence from 1) and the shortages per (fulfillment, SKU).
/// </summary>
internal sealed record PickWave(IReadOnlyList<Guid> FulfillmentIds, IReadOnlyList<PickItem> Items, IReadOnlyList<PickShortage> Shortages)
{
    public bool IsComplete => Shortages.Count == 0;
}
