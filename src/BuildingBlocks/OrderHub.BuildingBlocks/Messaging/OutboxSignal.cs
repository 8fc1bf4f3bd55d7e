using System.Collections.Concurrent;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Wakes the dispatcher's loops right after a commit that wrote to an outbox, keeping relay latency sub-second. A commit
/// wakes the loop of its own module (one per module on a server database) and the loop of all modules (SQLite's one):
/// waking every module's loop for every commit made each of them sweep an empty outbox, several hundred times a second
/// under load. A loop takes <see cref="Next"/> before it sweeps, so a commit during the sweep wakes it again at once.
/// Consumers and steps run by the dispatcher do not signal their own commits: the dispatcher wakes the modules they
/// wrote to once they are done (<see cref="OutboxWrites"/>).
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<Type, Slot> _modules = new();
    private readonly Slot _any = new();

    /// <summary>Completes at the next <see cref="Notify(Type)"/> for the module whose context is <paramref name="moduleContext"/> (or of any module when null).</summary>
    public Task Next(Type? moduleContext = null) => (moduleContext is null ? _any : _modules.GetOrAdd(moduleContext, _ => new Slot())).Next;

    /// <summary>The context's module has new messages due.</summary>
    public void Notify(ModuleDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        Notify(db.GetType());
    }

    /// <summary>The module of the context type (a provider's subclass or the module's own context) has new messages due.</summary>
    public void Notify(Type contextType)
    {
        ArgumentNullException.ThrowIfNull(contextType);
        for (var type = contextType; type is not null && type != typeof(ModuleDbContext); type = type.BaseType)
        {
            if (_modules.TryGetValue(type, out var slot))
            {
                slot.Notify();
            }
        }

        _any.Notify();
    }

    /// <summary>Waits for <paramref name="next"/> (taken from <see cref="Next"/>) or the timeout, whichever comes first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next.WaitAsync(timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // a timeout is the poll
        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed class Slot
    {
        private TaskCompletionSource _next = NewSource();

        public Task Next => Volatile.Read(ref _next).Task;

        public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

        private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
