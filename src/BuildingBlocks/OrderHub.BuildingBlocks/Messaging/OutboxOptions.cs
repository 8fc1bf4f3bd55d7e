namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>Bound from <c>OrderHub:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "OrderHub:Outbox";

    /// <summary>Run the background dispatcher in this host (tests turn it off and dispatch explicitly).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Longest wait between two sweeps when no commit signals new messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim keeps other hosts away from a message being dispatched.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Messages of one module delivered side by side by one host. They are bound to CPU and the database, where more
    /// at once only add contention and take the CPU that requests being answered need.
    /// </summary>
    public int MaxParallelDeliveries { get; set; } = 1;

    /// <summary>Steps of one module that wait on a remote service (<see cref="IWaitsOnRemoteService"/>) run side by side by one host.</summary>
    public int MaxParallelRemoteSteps { get; set; } = 4;

    /// <summary>
    /// Background deliveries (not waiting on a remote service) that run at once across all modules while the host is
    /// answering requests (<see cref="RequestsFirst"/>): half the cores, so the requests keep the other half.
    /// </summary>
    public int MaxBackgroundDeliveriesWhileServing { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>
    /// Steps of paced bulk jobs (<see cref="IPacedBulkStep"/>: a release's label batches) that run at once across all
    /// modules while the host is answering requests (<see cref="RequestsFirst"/>). Their pace sets the job's throughput:
    /// one at a time keeps it while adding one thread, not several, beside the checkouts.
    /// </summary>
    public int MaxPacedStepsWhileServing { get; set; } = 1;

    /// <summary>Upper bound of the exponential back-off between failed attempts; failures are retried forever.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Processed messages older than this are deleted by the daily clean-up job.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
