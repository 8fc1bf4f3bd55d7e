using Mediator;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Placement;

/// <summary>
/// When a short order backorders instead of taking an Inventory hold: the placement's reservation was refused, so the
/// complete lines are handed to Inventory as a backorder (<see cref="RequestBackorderCommand"/>, same reservation key).
/// Inventory keeps it waiting only when expected supply (open purchase orders, vintage releases / pre-orders) covers
/// every short SKU; then the order goes Backordered with the expected date. Otherwise nothing waits and the order takes
/// an Inventory hold (released by staff). A backordered order resumes by itself when Inventory allocates the stock
/// (Features/Backorders).
/// </summary>
internal static class BackorderStep
{
    /// <summary>
    /// Who is served first when scarce stock arrives (higher first, then first come): a tasting-room guest who bought
    /// to ship later, then staff-taken phone orders, then the web store and marketplaces, then bulk imports.
    /// </summary>
    public static int PriorityOf(OrderChannel channel) => channel switch
    {
        OrderChannel.Pos => 30,
        OrderChannel.Phone => 20,
        OrderChannel.Web => 10,
        OrderChannel.Marketplace => 10,
        _ => 0,
    };

    /// <summary>True when the order is now Backordered (with a self-clearing hold).</summary>
    public static async Task<bool> TryBackorderAsync(ISender sender, Order order, StockReservationDto refused, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(refused);
        var answer = await sender.Send(
            new RequestBackorderCommand(
                PlacementKeys.Stock(order.Id), order.Channel.ToString(), [.. order.Lines.Select(l => new StockLine(l.Sku, l.Quantity))], PriorityOf(order.Channel), order.Number),
            cancellationToken);
        if (!answer.Waiting || answer.ExpectedAt is not { } expectedAt)
        {
            return false;
        }

        order.MarkBackordered(StockShortages.Describe(refused.Shortages), expectedAt, actor, now);
        return true;
    }
}
