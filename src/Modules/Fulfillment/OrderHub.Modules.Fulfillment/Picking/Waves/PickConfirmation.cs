namespace OrderHub.Modules.Fulfillment.Picking.Waves;

/// <summary>What the picker reports for one item: units taken and, when it differs from the list, the lot taken.</summary>
internal sealed record ConfirmedPick(int Sequence, int PickedQuantity, string? Lot = null);

/// <summary>The outcome for one item of the list: what was picked (from which lot) and what is short.</summary>
internal sealed record PickOutcome(int Sequence, Guid FulfillmentId, string OrderNumber, string Bin, string Sku, string Lot, int Quantity, int Picked)
{
    public int Short => Quantity - Picked;
}

/// <summary>A confirmation line refused, with the reason a person can act on.</summary>
internal sealed record PickRefusal(int Sequence, string Message);

/// <summary>
/// The outcome per item (in sequence order) and the refusals; when there is any refusal nothing is to be applied.
/// <see cref="Shortages"/> sums the short units per (fulfillment, SKU): what the caller re-sources.
/// </summary>
internal sealed record PickConfirmationResult(IReadOnlyList<PickOutcome> Items, IReadOnlyList<PickRefusal> Refusals)
{
    public bool IsAccepted => Refusals.Count == 0;

    public IReadOnlyList<PickShortage> Shortages => [.. Items
        .Where(i => i.Short > 0)
        .GroupBy(i => (i.FulfillmentId, i.OrderNumber, i.Sku))
        .Select(g => new PickShortage(g.Key.FulfillmentId, g.Key.OrderNumber, g.Key.Sku, g.Sum(i => i.Quantity), g.Sum(i => i.Short)))];
}

/// <summary>
/// Checks a pick confirmation against the list it confirms, pure. Items not named are picked in full. Refused: an unknown
/// sequence, a sequence named twice, a negative quantity, more than the list says, and a lot other than the listed one
/// that the stock snapshot does not show in that bin for that SKU, or shows quarantined (it must not leave the bin).
/// A different lot that is in the bin is accepted as a substitution and reported on the outcome.
/// </summary>
internal static class PickConfirmation
{
    public static PickConfirmationResult Check(IReadOnlyList<PickItem> items, IReadOnlyList<ConfirmedPick> confirmed, IReadOnlyList<PickableStock> stock)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(confirmed);
        ArgumentNullException.ThrowIfNull(stock);
        var bySequence = items.ToDictionary(i => i.Sequence);
        var lotsInBins = stock.ToLookup(s => (s.Bin, s.Sku), s => s);
        var reported = new Dictionary<int, ConfirmedPick>();
        var refusals = new List<PickRefusal>();
        foreach (var pick in confirmed)
        {
            if (!bySequence.TryGetValue(pick.Sequence, out var item))
            {
                refusals.Add(new PickRefusal(pick.Sequence, $"Sequence {pick.Sequence} is not on this pick list (it has items 1 to {items.Count})."));
                continue;
            }

            if (!reported.TryAdd(pick.Sequence, pick))
            {
                refusals.Add(new PickRefusal(pick.Sequence, $"Sequence {pick.Sequence} is confirmed more than once."));
                continue;
            }

            if (pick.PickedQuantity < 0)
            {
                refusals.Add(new PickRefusal(pick.Sequence, $"Sequence {pick.Sequence}: the picked quantity cannot be negative ({pick.PickedQuantity})."));
            }
            else if (pick.PickedQuantity > item.Quantity)
            {
                refusals.Add(new PickRefusal(
                    pick.Sequence,
                    $"Sequence {pick.Sequence}: {pick.PickedQuantity} picked but the list asks for {item.Quantity} of {item.Sku} from {item.Bin}; put {pick.PickedQuantity - item.Quantity} back."));
            }

            if (pick.Lot is { } lot && !string.Equals(lot, item.Lot, StringComparison.Ordinal))
            {
                var row = lotsInBins[(item.Bin, item.Sku)].FirstOrDefault(s => string.Equals(s.Lot, lot, StringComparison.Ordinal));
                if (row is null)
                {
                    refusals.Add(new PickRefusal(pick.Sequence, $"Sequence {pick.Sequence}: lot {lot} of {item.Sku} is not in bin {item.Bin} (the list says lot {item.Lot})."));
                }
                else if (row.Quarantined)
                {
                    refusals.Add(new PickRefusal(pick.Sequence, $"Sequence {pick.Sequence}: lot {lot} of {item.Sku} in bin {item.Bin} is quarantined and must not be picked."));
                }
            }
        }

        var outcomes = items
            .OrderBy(i => i.Sequence)
            .Select(i => reported.TryGetValue(i.Sequence, out var p)
                ? new PickOutcome(i.Sequence, i.FulfillmentId, i.OrderNumber, i.Bin, i.Sku, p.Lot ?? i.Lot, i.Quantity, Math.Clamp(p.PickedQuantity, 0, i.Quantity))
                : new PickOutcome(i.Sequence, i.FulfillmentId, i.OrderNumber, i.Bin, i.Sku, i.Lot, i.Quantity, i.Quantity))
            .ToList();
        return new PickConfirmationResult(outcomes, refusals);
    }
}
