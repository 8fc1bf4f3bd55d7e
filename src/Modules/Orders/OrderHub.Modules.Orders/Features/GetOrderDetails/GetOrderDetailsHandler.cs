using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.GetOrderDetails;

internal sealed class GetOrderDetailsHandler(OrdersDbContext db) : IQueryHandler<GetOrderDetailsQuery, OrderDetailsDto>
{
    public async ValueTask<OrderDetailsDto> Handle(GetOrderDetailsQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .Include(o => o.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", query.OrderId.ToString());

        var c = order.Customer;
        var a = order.ShippingAddress;
        return new OrderDetailsDto(
            order.Id,
            order.Number,
            order.Status.ToString(),
            order.Channel.ToString(),
            order.ExternalReference,
            new CustomerDto(c.Email, c.FirstName, c.LastName, c.DateOfBirth, c.Phone),
            new AddressDto(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country),
            [.. order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineDto(l.Sku, l.Quantity, l.Status.ToString()))],
            [],
            [.. order.Timeline.OrderBy(t => t.Id).Select(t => new TimelineEntryDto(t.At, t.Event, t.Detail, t.Actor))],
            order.PlacedAt);
    }
}
