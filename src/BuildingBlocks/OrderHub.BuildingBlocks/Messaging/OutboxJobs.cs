namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>Backstop sweep (every minute): delivers anything the hosted dispatcher has not, on whichever host Hangfire picks.</summary>
public sealed class OutboxSweepJob(OutboxDispatcher dispatcher)
{
    public Task<int> RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchPendingAsync(cancellationToken);
}

/// <summary>Daily: deletes delivered outbox rows past their retention.</summary>
public sealed class OutboxPurgeJob(OutboxDispatcher dispatcher)
{
    public Task<int> RunAsync(CancellationToken cancellationToken) => dispatcher.PurgeProcessedAsync(cancellationToken);
}
