using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Persistence;

internal static class OrdersQueries
{
    /// <summary>The whole aggregate, tracked, or 404: one query (an order has a few lines and rarely a hold, so the join stays small).</summary>
    public static async Task<Order> LoadOrderAsync(this OrdersDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        await db.Orders
            .Include(o => o.Lines)
            .Include(o => o.Holds)
            .AsSingleQuery()
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
        ?? throw new NotFoundException("Order", orderId.ToString());
}
