using Mediator;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.ReshipOrder;

/// <summary>The replacement received, then placed like any order: the same steps and keys as <c>PlaceOrder</c>.</summary>
internal sealed class ReshipOrderHandler(ISender sender, PlacementProcess placement) : ICommandHandler<ReshipOrderCommand, ReshippedOrder>
{
    public async ValueTask<ReshippedOrder> Handle(ReshipOrderCommand command, CancellationToken cancellationToken)
    {
        var received = await sender.Send(command.Reship, cancellationToken);
        if (received.Replayed)
        {
            // Its placement ran (or, if that request died, runs from the outbox step received with it): nothing more here.
            return new ReshippedOrder(received.OrderId, received.OrderNumber, received.OriginalNumber, null);
        }

        var result = await placement.RunAsync(received.OrderId, cancellationToken);
        return new ReshippedOrder(received.OrderId, received.OrderNumber, received.OriginalNumber, result);
    }
}
