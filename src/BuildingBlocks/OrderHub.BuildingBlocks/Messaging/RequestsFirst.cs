using Microsoft.Extensions.Options;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Gives the requests a host is answering (checkouts, POS sales, staff pages) the first claim on its CPU. While any
/// request is in flight, the outbox's background deliveries run at most
/// <see cref="OutboxOptions.MaxBackgroundDeliveriesWhileServing"/> at a time across all modules; when none is, they run as
/// wide as each module allows. Otherwise one delivery per module (seven) competes with the checkouts, and the OS
/// scheduler, not the host, decides who waits. The background work only waits: it drains once the requests ease.
/// Steps that wait on a carrier or a gateway are not held by those slots; the steps of a paced bulk job among them (a
/// release's label batches, <see cref="IPacedBulkStep"/>) take turns instead, at most
/// <see cref="OutboxOptions.MaxPacedStepsWhileServing"/> at a time, so the job keeps its pace with few threads beside the
/// checkouts: they are bound by how soon their threads get a core back more than by a share of the CPU.
/// </summary>
public sealed class RequestsFirst(IOptions<OutboxOptions> options) : IDisposable
{
    /// <summary>How often a delivery waiting for a slot looks whether the requests have ended (then it goes at once).</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxBackgroundDeliveriesWhileServing));
    private readonly SemaphoreSlim _pacedSlots = new(Math.Max(1, options.Value.MaxPacedStepsWhileServing));
    private int _inFlight;

    /// <summary>Requests being answered now.</summary>
    public int RequestsInFlight => Volatile.Read(ref _inFlight);

    /// <summary>A request has started; dispose the result when it has been answered.</summary>
    public Request Serve()
    {
        Interlocked.Increment(ref _inFlight);
        return new Request(this);
    }

    /// <summary>
    /// Waits until a background delivery may run: at once while no request is in flight, otherwise for one of the slots
    /// (or until the requests end). Dispose the result when the delivery is done.
    /// </summary>
    public ValueTask<Slot> BackgroundSlotAsync(CancellationToken cancellationToken) => TurnAsync(_slots, cancellationToken);

    /// <summary>
    /// Waits until a step of a paced bulk job (<see cref="IPacedBulkStep"/>) may run: at once while no request is in
    /// flight, otherwise for one of its own slots (or until the requests end). Dispose the result when the step is done.
    /// </summary>
    public ValueTask<Slot> PacedStepSlotAsync(CancellationToken cancellationToken) => TurnAsync(_pacedSlots, cancellationToken);

    public void Dispose()
    {
        _slots.Dispose();
        _pacedSlots.Dispose();
    }

    private async ValueTask<Slot> TurnAsync(SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        while (RequestsInFlight > 0)
        {
            if (await slots.WaitAsync(IdleCheck, cancellationToken))
            {
                return new Slot(slots);
            }
        }

        return default;
    }

    /// <summary>A request in flight, counted until disposed.</summary>
    public readonly struct Request(RequestsFirst owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._inFlight);
    }

    /// <summary>A background delivery's turn; holds one of the slots when it was taken while requests were in flight.</summary>
    public readonly struct Slot(SemaphoreSlim? slots) : IDisposable
    {
        public void Dispose() => slots?.Release();
    }
}
