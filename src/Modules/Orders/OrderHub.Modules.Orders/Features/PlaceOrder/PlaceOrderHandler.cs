using Mediator;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>
/// Receives the order, then runs its placement on the order still in hand. A key used before (a replay, or a parallel
/// request that committed first) is answered by the pipeline with the first order, or 409 if the body differs; then
/// nothing is placed.
/// </summary>
internal sealed class PlaceOrderHandler(ISender sender, PlacementProcess placement) : ICommandHandler<PlaceOrderCommand, PlacedOrder>
{
    public async ValueTask<PlacedOrder> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var received = await sender.Send(command.Order, cancellationToken);
        if (received.Order is not { } order)
        {
            return new PlacedOrder(received.OrderId, received.OrderNumber, null);
        }

        var result = command.Extent == PlacementExtent.StockOnly
            ? await placement.ReserveReceivedAsync(order, cancellationToken)
            : await placement.RunAsync(order, cancellationToken);
        return new PlacedOrder(order.Id, order.Number, result);
    }
}
