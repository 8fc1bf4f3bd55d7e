using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.GetFulfillment;

internal sealed class GetFulfillmentHandler(FulfillmentDbContext db) : IQueryHandler<GetFulfillmentQuery, FulfillmentDetailsDto>
{
    public async ValueTask<FulfillmentDetailsDto> Handle(GetFulfillmentQuery query, CancellationToken cancellationToken)
    {
        var fulfillment = await db.Fulfillments.AsNoTracking().Include(f => f.Lines).Include(f => f.Packages).AsSplitQuery()
            .SingleOrDefaultAsync(f => f.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Fulfillment", query.Id.ToString());
        var number = fulfillment.PickListId is { } listId
            ? await db.PickLists.AsNoTracking().Where(p => p.Id == listId).Select(p => p.Number).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new FulfillmentDetailsDto(FulfillmentDto.From(fulfillment), fulfillment.PickListId, number);
    }
}
