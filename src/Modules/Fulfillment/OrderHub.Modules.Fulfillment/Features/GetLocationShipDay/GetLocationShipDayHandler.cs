using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.GetLocationShipDay;

/// <summary>A location's local date and whether its cut-off has passed, by <see cref="ShipDay"/> (for Shipping's labels).</summary>
internal sealed class GetLocationShipDayHandler(FulfillmentDbContext db) : IQueryHandler<GetLocationShipDayQuery, LocationShipDayDto>
{
    public async ValueTask<LocationShipDayDto> Handle(GetLocationShipDayQuery query, CancellationToken cancellationToken)
    {
        var terms = (await db.LocationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LocationCode == query.LocationCode, cancellationToken))?.Terms;
        var zone = ShipDay.Zone(terms?.TimeZone);
        return new LocationShipDayDto(
            query.LocationCode,
            ShipDay.LocalDay(query.At, zone).Today,
            ShipDay.IsPastCutOff(query.At, zone, terms?.CutOffLocal),
            terms?.CutOffLocal?.ToString("HH:mm", CultureInfo.InvariantCulture),
            zone.Id);
    }
}
