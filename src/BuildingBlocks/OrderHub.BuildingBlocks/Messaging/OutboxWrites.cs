using System.Collections.Concurrent;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// The module contexts whose outboxes got messages due now while the dispatcher delivered (consumers and steps commit in
/// transactions of their own, which wake nothing themselves): the dispatcher then wakes only those modules' loops. Waking
/// every loop after each delivering sweep made the other six modules sweep empty outboxes, about six queries an order.
/// </summary>
internal static class OutboxWrites
{
    private static readonly AsyncLocal<ConcurrentDictionary<Type, byte>?> Current = new();

    /// <summary>Starts recording for the calling flow and what it awaits; returns the set the writes land in.</summary>
    public static ConcurrentDictionary<Type, byte> Record()
    {
        var written = new ConcurrentDictionary<Type, byte>();
        Current.Value = written;
        return written;
    }

    /// <summary>A context of <paramref name="contextType"/> added a message due now (recorded only under <see cref="Record"/>).</summary>
    public static void Wrote(Type contextType) => Current.Value?.TryAdd(contextType, 0);
}
