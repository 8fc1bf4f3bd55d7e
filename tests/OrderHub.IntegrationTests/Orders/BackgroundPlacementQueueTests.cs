using Microsoft.Extensions.Options;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Orders.Features.AdvancePlacement;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>
/// The in-memory queue behind <c>Prefer: respond-async</c> must never strand an order: the resume job skips an order
/// while this host's workers have it, but not forever (a bench run left one order Received for good when an enqueue
/// failed half-way with OutOfMemoryException), and an order the queue cannot take is left to the job at once.
/// </summary>
public sealed class BackgroundPlacementQueueTests
{
    [Fact]
    public void A_queued_order_is_left_to_the_workers_only_for_a_while_and_one_the_full_queue_refused_is_not_left_at_all()
    {
        var clock = new ShiftingClock();
        var queue = new BackgroundPlacementQueue(Options.Create(new BackgroundPlacementOptions { Workers = 1, Capacity = 1 }), clock);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();

        queue.TryEnqueue(first).ShouldBeTrue();
        queue.TryEnqueue(second).ShouldBeFalse(); // full
        queue.IsQueued(first).ShouldBeTrue();
        queue.IsQueued(second).ShouldBeFalse();

        clock.Advance(BackgroundPlacementQueue.TrustFor + TimeSpan.FromSeconds(1)); // its worker never got to it
        queue.IsQueued(first).ShouldBeFalse();

        queue.Done(first);
        queue.TryEnqueue(second).ShouldBeFalse(); // the channel still holds the first entry: still full, nothing marked
        queue.IsQueued(second).ShouldBeFalse();
    }
}
