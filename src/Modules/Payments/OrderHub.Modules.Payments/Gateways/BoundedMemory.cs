namespace OrderHub.Modules.Payments.Gateways;

/// <summary>
/// A map that forgets its oldest entries beyond a capacity (first in, first out), so state kept in memory for every
/// call stays bounded on a host that runs for weeks. Not thread-safe: the owner locks.
/// </summary>
internal sealed class BoundedMemory<TKey, TValue>(int capacity, IEqualityComparer<TKey> comparer)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _entries = new(comparer);
    private readonly Queue<TKey> _order = new();

    public int Count => _entries.Count;

    public bool TryGetValue(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Adds or replaces; a new key beyond the capacity evicts the oldest.</summary>
    public void Set(TKey key, TValue value)
    {
        if (_entries.TryAdd(key, value))
        {
            _order.Enqueue(key);
            while (_order.Count > capacity)
            {
                _entries.Remove(_order.Dequeue());
            }
        }
        else
        {
            _entries[key] = value;
        }
    }
}
