using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.GetPickingBoard;

internal sealed class GetPickingBoardHandler(FulfillmentDbContext db) : IQueryHandler<GetPickingBoardQuery, PickingBoardDto>
{
    public async ValueTask<PickingBoardDto> Handle(GetPickingBoardQuery query, CancellationToken cancellationToken)
    {
        var work = await db.Fulfillments.AsNoTracking()
            .Where(f => f.Type == FulfillmentType.Warehouse
                && (f.Status == FulfillmentStatus.Open || f.Status == FulfillmentStatus.Picking || f.Status == FulfillmentStatus.Picked))
            .GroupBy(f => new { f.LocationCode, f.Status })
            .Select(g => new { g.Key.LocationCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var locations = work.GroupBy(w => w.LocationCode, StringComparer.Ordinal)
            .Select(g => new LocationPickingDto(
                g.Key,
                g.Where(w => w.Status == FulfillmentStatus.Open).Sum(w => w.Count),
                g.Where(w => w.Status == FulfillmentStatus.Picking).Sum(w => w.Count),
                g.Where(w => w.Status == FulfillmentStatus.Picked).Sum(w => w.Count)))
            .OrderBy(l => l.LocationCode, StringComparer.Ordinal)
            .ToList();

        var recent = await db.PickLists.AsNoTracking()
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Number)
            .Take(Math.Clamp(query.RecentPickLists, 1, 200))
            .Select(p => new { p.Id, p.Number, p.LocationCode, p.Status, Items = p.Items.Count, p.CreatedAt, p.CreatedBy })
            .ToListAsync(cancellationToken);
        return new PickingBoardDto(
            locations,
            [.. recent.Select(p => new PickListSummaryDto(p.Id, p.Number, p.LocationCode, p.Status.ToString(), p.Items, p.CreatedAt, p.CreatedBy))]);
    }
}
