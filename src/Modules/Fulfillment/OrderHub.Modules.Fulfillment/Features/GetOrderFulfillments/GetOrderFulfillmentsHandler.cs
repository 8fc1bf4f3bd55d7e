using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;

internal sealed class GetOrderFulfillmentsHandler(FulfillmentDbContext db) : IQueryHandler<GetOrderFulfillmentsQuery, IReadOnlyList<FulfillmentDto>>
{
    public async ValueTask<IReadOnlyList<FulfillmentDto>> Handle(GetOrderFulfillmentsQuery query, CancellationToken cancellationToken)
    {
        var fulfillments = await db.Fulfillments.AsNoTracking().Include(f => f.Lines).Include(f => f.Packages).AsSplitQuery()
            .Where(f => f.OrderId == query.OrderId)
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.LocationCode)
            .ToListAsync(cancellationToken);
        return [.. fulfillments.Select(FulfillmentDto.From)];
    }
}
