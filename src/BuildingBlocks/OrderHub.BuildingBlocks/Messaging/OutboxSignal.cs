namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Wakes the dispatcher's loops right after a commit that wrote to an outbox, keeping relay latency sub-second. A
/// broadcast: every loop waiting (one per module on a server database) wakes. A loop takes <see cref="Next"/> before it
/// sweeps, so a commit during the sweep wakes it again at once instead of being missed.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Waits for <paramref name="next"/> (taken from <see cref="Next"/>) or the timeout, whichever comes first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next.WaitAsync(timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // a timeout is the poll
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
