using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.GetFulfillmentProgress;

internal sealed class GetFulfillmentProgressHandler(FulfillmentDbContext db) : IQueryHandler<GetFulfillmentProgressQuery, IReadOnlyList<FulfillmentProgressDto>>
{
    public async ValueTask<IReadOnlyList<FulfillmentProgressDto>> Handle(GetFulfillmentProgressQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.Fulfillments.AsNoTracking().Where(f => f.OrderId == query.OrderId)
            .OrderBy(f => f.CreatedAt).Select(f => new { f.Id, f.LocationCode, f.Status }).ToListAsync(cancellationToken);
        return [.. rows.Select(f => new FulfillmentProgressDto(f.Id, f.LocationCode, f.Status.ToString()))];
    }
}
