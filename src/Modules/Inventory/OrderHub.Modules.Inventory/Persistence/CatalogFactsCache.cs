using System.Collections.Concurrent;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// What the reservation hot path needs to know of a SKU (it exists; its kit components, if any), kept for a short while so
/// a reservation does not read the catalog every time. Products are never deleted and a kit's components are fixed at
/// creation, so an entry cannot be wrong; the time limit only bounds staleness should that ever change. Unknown SKUs are
/// never cached (a product created a moment ago is found at once).
/// </summary>
internal sealed class CatalogFactsCache(TimeProvider clock)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(60);
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<KitPart> Parts)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string sku, out IReadOnlyList<KitPart> parts)
    {
        if (_entries.TryGetValue(sku, out var entry) && entry.Until > clock.GetUtcNow())
        {
            parts = entry.Parts;
            return true;
        }

        parts = [];
        return false;
    }

    public void Set(string sku, IReadOnlyList<KitPart> parts)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[sku] = (clock.GetUtcNow() + TimeToLive, parts);
    }
}

/// <summary>One component of a kit and how many of it one kit takes.</summary>
internal sealed record KitPart(string ComponentSku, int Quantity);
