using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.GetOrderDetails;

internal sealed class GetOrderDetailsHandler(OrdersDbContext db, ISender sender) : IQueryHandler<GetOrderDetailsQuery, OrderDetailsDto>
{
    public async ValueTask<OrderDetailsDto> Handle(GetOrderDetailsQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .Include(o => o.Holds)
            .Include(o => o.Timeline)
            .Include(o => o.Shipments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", query.OrderId.ToString());
        var details = OrderDetails.From(order, await OrderDetails.PaymentsAsync(sender, order.Id, cancellationToken));
        if (ReshipReferences.OriginalNumberOf(order.ExternalReference) is { } originalNumber)
        {
            details = details with { ReplacementFor = await LinksAsync(o => o.Number == originalNumber, cancellationToken) is [var original, ..] ? original : null };
        }

        // Only an order whose timeline says it was reshipped looks for its replacements (most orders never are).
        if (order.Timeline.Any(t => t.Event == Order.ReshippedEvent))
        {
            var reference = ReshipReferences.For(order.Number);
            details = details with { Reships = await LinksAsync(o => o.ExternalReference == reference, cancellationToken) };
        }

        return details;
    }

    /// <summary>The orders <paramref name="which"/> picks, oldest first (a handful: sorted in memory, as SQLite cannot sort by time).</summary>
    private async Task<IReadOnlyList<OrderLinkDto>> LinksAsync(Expression<Func<Order, bool>> which, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking().Where(which)
            .Select(o => new { o.Id, o.Number, o.Status, o.PlacedAt })
            .ToListAsync(cancellationToken);
        return [.. orders.OrderBy(o => o.PlacedAt).Select(o => new OrderLinkDto(o.Id, o.Number, o.Status.ToString()))];
    }
}
