using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Orders.Contracts.Queries;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.GetOrderToFulfill;

internal sealed class GetOrderToFulfillHandler(OrdersDbContext db) : IQueryHandler<GetOrderToFulfillQuery, OrderToFulfillDto?>
{
    public async ValueTask<OrderToFulfillDto?> Handle(GetOrderToFulfillQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken);
        return order is null
            ? null
            : new OrderToFulfillDto(order.Id, order.Number, order.Status.ToString(),
                [.. order.Lines.Where(l => l.Status != OrderStatus.Cancelled).OrderBy(l => l.LineNumber).Select(l => new OrderLineToFulfillDto(l.LineNumber, l.Sku, l.Quantity))]);
    }
}
