using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.ReleaseShipDay;

/// <summary>The days shipments wait for without a label (packed ahead, or a customer's ship-on date), per location: what a release would ship, soonest first.</summary>
internal sealed record ListPackedAheadQuery : IQuery<IReadOnlyList<PackedAheadDay>>;

/// <summary>
/// <see cref="Waiting"/> shipments from <see cref="LocationCode"/> wait to ship on <see cref="ShipOn"/>;
/// <see cref="HeldForWeather"/> of them are also held for weather (a release leaves those to the weather job).
/// <see cref="IsDue"/>: the day has come where they ship from, so their labels are being bought (nothing to release).
/// </summary>
internal sealed record PackedAheadDay(string LocationCode, DateOnly ShipOn, int Waiting, int HeldForWeather, bool IsDue);

internal sealed class ListPackedAheadHandler(ShippingDbContext db, ISender sender, TimeProvider clock) : IQueryHandler<ListPackedAheadQuery, IReadOnlyList<PackedAheadDay>>
{
    public async ValueTask<IReadOnlyList<PackedAheadDay>> Handle(ListPackedAheadQuery query, CancellationToken cancellationToken)
    {
        var days = await db.Shipments.AsNoTracking()
            .Where(s => s.Status == ShipmentStatus.LabelPending && s.ShipOn != null)
            .GroupBy(s => new { s.LocationCode, ShipOn = s.ShipOn!.Value })
            .Select(g => new { g.Key.LocationCode, g.Key.ShipOn, Waiting = g.Count(), Held = g.Count(s => s.WeatherHeldSince != null) })
            .ToListAsync(cancellationToken);
        var today = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var location in days.Select(d => d.LocationCode).Distinct(StringComparer.Ordinal))
        {
            today[location] = (await sender.Send(new GetLocationShipDayQuery(location, clock.GetUtcNow()), cancellationToken)).LocalDate;
        }

        return [.. days.OrderBy(d => d.ShipOn).ThenBy(d => d.LocationCode, StringComparer.Ordinal)
            .Select(d => new PackedAheadDay(d.LocationCode, d.ShipOn, d.Waiting, d.Held, d.ShipOn <= today[d.LocationCode]))];
    }
}
