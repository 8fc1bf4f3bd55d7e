using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Orders.Contracts.Queries;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.GetIdleOrders;

/// <summary>Reads the (Status, UpdatedAt) index: every timeline entry moves <c>UpdatedAt</c>, so an order idle since a time has not moved since.</summary>
internal sealed class GetIdleOrdersHandler(OrdersDbContext db) : IQueryHandler<GetIdleOrdersQuery, IReadOnlyList<IdleOrderDto>>
{
    public async ValueTask<IReadOnlyList<IdleOrderDto>> Handle(GetIdleOrdersQuery query, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<OrderStatus>(query.Status, ignoreCase: false, out var status))
        {
            return [];
        }

        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.Status == status && o.UpdatedAt < query.IdleSince)
            .OrderBy(o => o.UpdatedAt)
            .Take(Math.Clamp(query.Max, 1, 1000))
            .Select(o => new { o.Id, o.Number, o.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(o => new IdleOrderDto(o.Id, o.Number, query.Status, o.UpdatedAt))];
    }
}
