using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Orders.Contracts.Queries;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.GetHeldOrders;

internal sealed class GetHeldOrdersHandler(OrdersDbContext db) : IQueryHandler<GetHeldOrdersQuery, IReadOnlyList<HeldOrderDto>>
{
    public async ValueTask<IReadOnlyList<HeldOrderDto>> Handle(GetHeldOrdersQuery query, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<HoldType>(query.HoldType, ignoreCase: false, out var type))
        {
            return [];
        }

        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.OnHold)
            .SelectMany(o => o.Holds.Where(h => h.Type == type && h.ReleasedAt == null && h.PlacedAt < query.PlacedBefore), (o, h) => new { o.Id, o.Number, h.Reason, h.Rule, h.PlacedAt })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.PlacedAt)
            .DistinctBy(r => r.Id)
            .Take(Math.Clamp(query.Max, 1, 1000))
            .Select(r => new HeldOrderDto(r.Id, r.Number, query.HoldType, r.Reason, r.Rule, r.PlacedAt))];
    }
}
