using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Shipping.Contracts.Queries;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.GetStalledLabels;

internal sealed class GetStalledLabelsHandler(ShippingDbContext db) : IQueryHandler<GetStalledLabelsQuery, IReadOnlyList<StalledLabelDto>>
{
    public async ValueTask<IReadOnlyList<StalledLabelDto>> Handle(GetStalledLabelsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.Shipments.AsNoTracking()
            .Where(s => s.Status == ShipmentStatus.LabelPending && s.WeatherHeldSince == null && s.UpdatedAt < query.PendingSince
                && (s.ShipOn == null || s.ShipOn <= query.Today))
            .OrderBy(s => s.UpdatedAt)
            .Take(Math.Clamp(query.Max, 1, 1000))
            .Select(s => new { s.Id, s.OrderNumber, s.LocationCode, s.RequestedService, s.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(s => new StalledLabelDto(s.Id, s.OrderNumber, s.LocationCode, s.RequestedService.ToString(), s.UpdatedAt))];
    }
}
