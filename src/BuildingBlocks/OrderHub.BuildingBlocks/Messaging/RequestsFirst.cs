using Microsoft.Extensions.Options;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Gives the requests a host is answering (checkouts, POS sales, staff pages) the first claim on its CPU. While any
/// request is in flight, the outbox's background deliveries run at most
/// <see cref="OutboxOptions.MaxBackgroundDeliveriesWhileServing"/> at a time across all modules; when none is, they run as
/// wide as each module allows. Otherwise one delivery per module (seven) competes with the checkouts, and the OS
/// scheduler, not the host, decides who waits. The background work only waits: it drains once the requests ease.
/// Steps that wait on a carrier or a gateway are not held by those slots. The steps of a paced bulk job among them (a
/// release's label batches, <see cref="IPacedBulkStep"/>) take turns, at most
/// <see cref="OutboxOptions.MaxPacedStepsWhileServing"/> at a time, and each also takes a background slot, ahead of the
/// deliveries waiting for one: the job keeps its pace, and the checkouts keep the cores they have without it. With a slot
/// of its own, a bulk job ran beside a background delivery that was always busy (the checkouts leave work behind) and
/// took its CPU from the checkouts; now it takes turns with the background work, which only waits.
/// </summary>
public sealed class RequestsFirst(IOptions<OutboxOptions> options) : IDisposable
{
    /// <summary>How often a delivery waiting for a slot looks whether the requests have ended (then it goes at once).</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a background delivery stands aside while a paced step waits for a slot before it looks again.</summary>
    private static readonly TimeSpan PacedStepFirst = TimeSpan.FromMilliseconds(5);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxBackgroundDeliveriesWhileServing));
    private readonly SemaphoreSlim _pacedSlots = new(Math.Max(1, options.Value.MaxPacedStepsWhileServing));
    private int _inFlight;
    private int _pacedWaiting;

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
    public async ValueTask<Slot> BackgroundSlotAsync(CancellationToken cancellationToken) =>
        new(await TakeAsync(_slots, givesWayToPacedSteps: true, cancellationToken));

    /// <summary>
    /// Waits until a step of a paced bulk job (<see cref="IPacedBulkStep"/>) may run: at once while no request is in
    /// flight, otherwise for its turn among the paced steps and then for a background slot; with its turn, it takes the
    /// next free one before the deliveries waiting for it (or goes when the requests end). Between two steps a delivery may
    /// take the slot, so background work keeps moving during a bulk job. Dispose the result when the step is done.
    /// </summary>
    public async ValueTask<Slot> PacedStepSlotAsync(CancellationToken cancellationToken)
    {
        var turn = await TakeAsync(_pacedSlots, givesWayToPacedSteps: false, cancellationToken);
        Interlocked.Increment(ref _pacedWaiting);
        try
        {
            return new Slot(turn, await TakeAsync(_slots, givesWayToPacedSteps: false, cancellationToken));
        }
        catch
        {
            turn?.Release();
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _pacedWaiting);
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _pacedSlots.Dispose();
    }

    /// <summary>Takes one of <paramref name="slots"/> while requests are in flight and returns it; null when they ended first.</summary>
    private async ValueTask<SemaphoreSlim?> TakeAsync(SemaphoreSlim slots, bool givesWayToPacedSteps, CancellationToken cancellationToken)
    {
        while (RequestsInFlight > 0)
        {
            if (givesWayToPacedSteps && Volatile.Read(ref _pacedWaiting) > 0)
            {
                await Task.Delay(PacedStepFirst, cancellationToken);
            }
            else if (await slots.WaitAsync(IdleCheck, cancellationToken))
            {
                if (!givesWayToPacedSteps || Volatile.Read(ref _pacedWaiting) == 0)
                {
                    return slots;
                }

                slots.Release(); // a paced step came to wait meanwhile: it goes first
            }
        }

        return null;
    }

    /// <summary>A request in flight, counted until disposed.</summary>
    public readonly struct Request(RequestsFirst owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._inFlight);
    }

    /// <summary>
    /// A delivery's turn: the slot it took while requests were in flight (a paced step: its turn and a background slot),
    /// none when it went without one.
    /// </summary>
    public readonly struct Slot(SemaphoreSlim? taken, SemaphoreSlim? alsoTaken = null) : IDisposable
    {
        public void Dispose()
        {
            alsoTaken?.Release();
            taken?.Release();
        }
    }
}
