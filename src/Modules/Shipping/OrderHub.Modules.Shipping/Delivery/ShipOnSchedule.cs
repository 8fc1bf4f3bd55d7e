using Mediator;
using OrderHub.Modules.Fulfillment.Contracts.Queries;

namespace OrderHub.Modules.Shipping.Delivery;

/// <summary>When a shipment that is to leave on a given day may have its label bought: the start of that day where it ships from.</summary>
internal static class ShipOnSchedule
{
    /// <returns>The start of <paramref name="date"/> in the location's time zone, or null when that moment has passed (due now).</returns>
    public static async Task<DateTimeOffset?> LabelDueAtAsync(ISender sender, string locationCode, DateOnly date, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = await sender.Send(new GetLocationShipDayQuery(locationCode, now), cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(day.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var dueAt = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        return dueAt > now ? dueAt : null;
    }
}
