using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
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
        return OrderDetails.From(order, await OrderDetails.PaymentsAsync(sender, order.Id, cancellationToken));
    }
}
