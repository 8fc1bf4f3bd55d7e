using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Domain.LocationSettings;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>
/// Each location's day as sourcing sees it now, from the staff's settings (<see cref="LocationSetting"/>): its terms
/// (null: the defaults by kind, no limit, no cut-off, UTC days), the fulfillments assigned to it since its local midnight
/// (cancelled ones not counted; only read for a location with a daily limit), whether its cut-off has passed and the
/// day work sourced there now leaves.
/// </summary>
internal sealed class LocationDays(FulfillmentDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, LocationDay>> ReadAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var now = clock.GetUtcNow();
        List<string> wanted = [.. codes.Distinct(StringComparer.Ordinal)];
        var settings = (await db.LocationSettings.AsNoTracking().Where(s => wanted.Contains(s.LocationCode)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.LocationCode, StringComparer.Ordinal);
        var days = new Dictionary<string, LocationDay>(StringComparer.Ordinal);
        foreach (var code in wanted)
        {
            var terms = settings.GetValueOrDefault(code)?.Terms;
            var zone = ShipDay.Zone(terms?.TimeZone);
            var assigned = 0;
            if (terms?.DailyLimit is not null)
            {
                var (_, start, end) = ShipDay.LocalDay(now, zone);
                assigned = await db.Fulfillments.AsNoTracking().CountAsync(
                    f => f.LocationCode == code && f.Status != FulfillmentStatus.Cancelled && f.CreatedAt >= start && f.CreatedAt < end, cancellationToken);
            }

            days[code] = new LocationDay(terms, assigned, ShipDay.IsPastCutOff(now, zone, terms?.CutOffLocal), ShipDay.Of(now, zone, terms?.CutOffLocal));
        }

        return days;
    }
}

/// <summary>A location's day now: its stored terms (or null), fulfillments assigned to it today, past its cut-off, the day work sourced now ships.</summary>
internal sealed record LocationDay(LocationTerms? Terms, int AssignedToday, bool PastCutOff, DateOnly ShipDate)
{
    /// <summary>Fulfillments it still accepts today; null without a daily limit.</summary>
    public int? RemainingToday => Terms?.DailyLimit is { } limit ? Math.Max(0, limit - AssignedToday) : null;
}
