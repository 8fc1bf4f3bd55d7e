using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Orders.Contracts.Queries;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.GetOrderToFulfill;

internal sealed class GetOrderStatusesHandler(OrdersDbContext db) : IQueryHandler<GetOrderStatusesQuery, IReadOnlyDictionary<Guid, string>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, string>> Handle(GetOrderStatusesQuery query, CancellationToken cancellationToken)
    {
        var ids = query.OrderIds.Distinct().ToList();
        var rows = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Status }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Status.ToString());
    }
}
