namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// The next step of a module's own durable process (suffix-free, lives beside the process it drives): written to the
/// module's outbox in the same transaction as the state change that made it due, and run once by the leased outbox
/// dispatcher through the module's <see cref="IInternalCommandHandler{TCommand}"/>. Unlike an integration event it has
/// exactly one handler and never leaves its module. Handlers must be safe to run again (a host may die after the
/// step and before the row is marked processed).
/// </summary>
public abstract record InternalCommand
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// A step whose handler spends most of its time waiting on a remote service (a payment gateway, a carrier, a supplier):
/// the dispatcher runs up to <see cref="OutboxOptions.MaxParallelRemoteSteps"/> of a module's such steps side by side,
/// beside its other deliveries, which go <see cref="OutboxOptions.MaxParallelDeliveries"/> at a time.
/// </summary>
public interface IWaitsOnRemoteService;

/// <summary>
/// A remote step of a bulk job queued at a pace (a release's label batches, each due a fraction of a second after the
/// one before): the pace, not how many run side by side, sets the job's throughput. While the host answers requests
/// such steps take turns (<see cref="OutboxOptions.MaxPacedStepsWhileServing"/>, <see cref="RequestsFirst"/>).
/// </summary>
public interface IPacedBulkStep : IWaitsOnRemoteService;

/// <summary>Runs one kind of <see cref="InternalCommand"/> in its own DI scope; each step commits its own transactions.</summary>
public interface IInternalCommandHandler<in TCommand>
    where TCommand : InternalCommand
{
    Task HandleAsync(TCommand command, CancellationToken cancellationToken);
}
