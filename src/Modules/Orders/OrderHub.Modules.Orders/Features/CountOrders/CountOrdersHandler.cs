using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.CountOrders;

/// <summary>One grouped query per count set (statuses over the (Status, PlacedAt) index; active holds by type).</summary>
internal sealed class CountOrdersHandler(OrdersDbContext db) : IQueryHandler<CountOrdersQuery, OrderCountsDto>
{
    public async ValueTask<OrderCountsDto> Handle(CountOrdersQuery query, CancellationToken cancellationToken)
    {
        var byStatus = await db.Orders.AsNoTracking()
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byHold = await db.Set<OrderHold>().AsNoTracking()
            .Where(h => h.ReleasedAt == null)
            .GroupBy(h => h.Type)
            .Select(g => new { Type = g.Key, Count = g.Select(h => h.OrderId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return new OrderCountsDto(
            [.. byStatus.OrderBy(s => s.Status).Select(s => new CountDto(s.Status.ToString(), s.Count))],
            [.. byHold.OrderBy(h => h.Type).Select(h => new CountDto(h.Type.ToString(), h.Count))]);
    }
}
