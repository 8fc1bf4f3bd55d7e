using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Features.WeatherHolds;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.ListWeatherHolds;

internal sealed class ListWeatherHoldsHandler(ShippingDbContext db, IOptions<DeliveryOptions> options, TimeProvider clock) : IQueryHandler<ListWeatherHoldsQuery, WeatherHoldsDto>
{
    public const int MaxReleased = 50;

    public async ValueTask<WeatherHoldsDto> Handle(ListWeatherHoldsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var held = await db.Shipments.AsNoTracking()
            .Where(s => s.WeatherHeldSince != null && s.Status == ShipmentStatus.LabelPending)
            .ToListAsync(cancellationToken);

        var since = now.AddDays(-Math.Clamp(query.ReleasedDays, 1, 90));
        var releases = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ReleaseWeatherHoldsJob.ReleasedAction && a.At >= since)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(MaxReleased)
            .ToListAsync(cancellationToken);
        var ids = releases.Select(a => a.SubjectId).Distinct().ToList();
        var shipments = await db.Shipments.AsNoTracking().Include(s => s.Packages).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);

        var weather = options.Value.Weather;
        return new WeatherHoldsDto(
            weather.MinF,
            weather.MaxF,
            DeliveryPlanner.NextTick(now),
            [.. held.OrderBy(s => s.WeatherHeldSince).ThenBy(s => s.OrderNumber, StringComparer.Ordinal).Select(s => new HeldForWeatherDto(
                s.Id, s.OrderId, s.OrderNumber, s.LocationCode, s.ShipTo.City, s.ShipTo.Region, s.ShipTo.PostalCode, s.RequestedService.ToString(),
                s.WeatherHeldSince!.Value, s.WeatherHoldReason ?? string.Empty, s.WeatherHoldUntil))],
            [.. releases.Where(a => shipments.ContainsKey(a.SubjectId)).Select(a =>
            {
                var s = shipments[a.SubjectId];
                return new ReleasedWeatherHoldDto(
                    s.Id, s.OrderId, s.OrderNumber, s.LocationCode, s.ShipTo.Region, s.ShipTo.PostalCode, a.At, a.Actor, a.Detail, s.Status.ToString(), s.ShipDate, s.TrackingNumber);
            })]);
    }
}
