using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Orders.Features.SearchOrders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.ExportOrders;

internal sealed class ExportOrdersHandler(OrdersDbContext db) : IQueryHandler<ExportOrdersQuery, ExportedOrdersDto>
{
    public async ValueTask<ExportedOrdersDto> Handle(ExportOrdersQuery query, CancellationToken cancellationToken)
    {
        var orders = SearchOrdersHandler.Sorted(SearchOrdersFilter.Apply(db.Orders.AsNoTracking(), query.Filter), query.Filter.Sort);
        var rows = await SearchOrdersHandler.Summaries(orders.Take(ExportOrdersQuery.MaxRows + 1), cancellationToken);
        return rows.Count > ExportOrdersQuery.MaxRows
            ? new ExportedOrdersDto([.. rows.Take(ExportOrdersQuery.MaxRows)], Truncated: true)
            : new ExportedOrdersDto(rows, Truncated: false);
    }
}
