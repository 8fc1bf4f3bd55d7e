namespace OrderHub.Modules.Fulfillment.Picking.Waves;

/// <summary>
/// Builds one pick wave for a location, pure (no database). Fulfillments are served oldest first (placed-at, then order
/// number, then id), so when stock is short the newest orders are the ones re-sourced. For each SKU a fulfillment needs,
/// lots are taken first-expiring first (FEFO) among lots with an expiry date, then first-received (FIFO) among lots
/// without one; ties go by lot, then by walking order of the bin. A lot is never picked when it is quarantined or expired:
/// expired means it expires on or before <c>today</c> (a bottle picked today ships today or later, so a lot whose last day
/// is today would arrive past it). Items are then sorted into walking order (bin, SKU, lot, then the fulfillment's turn)
/// and numbered from 1.
/// Cost: O(S log S + L·k + I log I) for S stock rows, L lines, k lots per SKU, I items; 5,000 lines take milliseconds.
/// </summary>
internal static class PickWavePlanner
{
    public static PickWave Plan(IReadOnlyList<WaveFulfillment> open, IReadOnlyList<PickableStock> stock, DateOnly today, int? maxOrders = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(stock);
        if (maxOrders is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(maxOrders));
        }

        var wave = open
            .OrderBy(f => f.PlacedAt)
            .ThenBy(f => f.OrderNumber, StringComparer.Ordinal)
            .ThenBy(f => f.Id)
            .Take(maxOrders ?? int.MaxValue)
            .ToList();

        var lotsBySku = PickableLotsBySku(stock, today);
        var picks = new List<Pick>();
        var shortages = new List<PickShortage>();
        for (var turn = 0; turn < wave.Count; turn++)
        {
            var fulfillment = wave[turn];
            foreach (var line in Merge(fulfillment.Lines))
            {
                var remaining = line.Quantity;
                if (lotsBySku.TryGetValue(line.Sku, out var lots))
                {
                    foreach (var lot in lots)
                    {
                        if (remaining == 0)
                        {
                            break;
                        }

                        var take = Math.Min(remaining, lot.Left);
                        if (take > 0)
                        {
                            lot.Left -= take;
                            remaining -= take;
                            picks.Add(new Pick(lot, take, turn, fulfillment, line.UnitsPerCase));
                        }
                    }
                }

                if (remaining > 0)
                {
                    shortages.Add(new PickShortage(fulfillment.Id, fulfillment.OrderNumber, line.Sku, line.Quantity, remaining));
                }
            }
        }

        picks.Sort(WalkingOrder);
        var items = new PickItem[picks.Count];
        for (var i = 0; i < picks.Count; i++)
        {
            var p = picks[i];
            items[i] = new PickItem(
                i + 1, p.Lot.Row.Bin, p.Lot.Row.Sku, p.Lot.Row.Lot, p.Quantity, p.Fulfillment.OrderNumber, p.Fulfillment.Id,
                CaseQuantity.Of(p.Quantity, p.UnitsPerCase));
        }

        return new PickWave(wave.ConvertAll(f => f.Id), items, shortages);
    }

    /// <summary>Pickable lots per SKU in the order they are drawn; quarantined, expired and empty rows are left out.</summary>
    private static Dictionary<string, List<Lot>> PickableLotsBySku(IReadOnlyList<PickableStock> stock, DateOnly today)
    {
        var bySku = new Dictionary<string, List<Lot>>(StringComparer.Ordinal);
        foreach (var row in stock)
        {
            if (row.Quarantined || row.Available <= 0 || row.ExpiresOn <= today)
            {
                continue;
            }

            if (!bySku.TryGetValue(row.Sku, out var lots))
            {
                lots = [];
                bySku.Add(row.Sku, lots);
            }

            lots.Add(new Lot(row, BinAddress.Of(row.Bin)));
        }

        foreach (var lots in bySku.Values)
        {
            lots.Sort(DrawOrder);
        }

        return bySku;
    }

    private static int DrawOrder(Lot a, Lot b)
    {
        // Lots with an expiry date go first, earliest first (FEFO); the rest by date received (FIFO).
        var x = a.Row;
        var y = b.Row;
        if (x.ExpiresOn.HasValue != y.ExpiresOn.HasValue)
        {
            return x.ExpiresOn.HasValue ? -1 : 1;
        }

        var c = Nullable.Compare(x.ExpiresOn, y.ExpiresOn);
        if (c == 0)
        {
            c = x.ReceivedOn.CompareTo(y.ReceivedOn);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Lot, y.Lot);
        }

        return c != 0 ? c : a.Address.CompareTo(b.Address);
    }

    private static int WalkingOrder(Pick a, Pick b)
    {
        var c = a.Lot.Address.CompareTo(b.Lot.Address);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Lot.Row.Sku, b.Lot.Row.Sku);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Lot.Row.Lot, b.Lot.Row.Lot);
        }

        return c != 0 ? c : a.Turn.CompareTo(b.Turn);
    }

    /// <summary>Lines of one fulfillment summed per SKU (first line's case size), in first-seen order.</summary>
    private static IEnumerable<WaveLine> Merge(IReadOnlyList<WaveLine> lines)
    {
        var merged = new List<WaveLine>(lines.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(line.Quantity);
            if (index.TryGetValue(line.Sku, out var at))
            {
                merged[at] = merged[at] with { Quantity = merged[at].Quantity + line.Quantity };
            }
            else
            {
                index.Add(line.Sku, merged.Count);
                merged.Add(line);
            }
        }

        return merged.Where(l => l.Quantity > 0);
    }

    /// <summary>A pickable stock row with what this wave has not taken yet.</summary>
    private sealed class Lot(PickableStock row, BinAddress address)
    {
        public PickableStock Row { get; } = row;

        public BinAddress Address { get; } = address;

        public int Left { get; set; } = row.Available;
    }

    private readonly record struct Pick(Lot Lot, int Quantity, int Turn, WaveFulfillment Fulfillment, int UnitsPerCase);
}
