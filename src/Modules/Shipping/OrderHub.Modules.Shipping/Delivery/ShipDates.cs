namespace OrderHub.Modules.Shipping.Delivery;

/// <summary>
/// When a label's parcel leaves and arrives (pure: the caller gives the location's local day). A label bought after the
/// location's cut-off (Fulfillment's location settings, through <c>GetLocationShipDayQuery</c>) ships the next business
/// day; a customer's ship-on date is never undercut; ground wine leaves only on the allowed ground ship days (Monday to
/// Wednesday by default) so it does not sit in a depot over a weekend; delivery is the ship date plus the service's
/// transit business days on the carrier calendar (<see cref="BusinessDays"/>).
/// </summary>
internal static class ShipDates
{
    /// <summary>The ship date of a label bought on the location's <paramref name="localToday"/>.</summary>
    public static DateOnly ShipDate(DateOnly localToday, bool pastCutOff, DateOnly? shipOn, bool groundWine, IReadOnlySet<DayOfWeek> groundShipDays)
    {
        ArgumentNullException.ThrowIfNull(groundShipDays);
        var date = BusinessDays.OnOrAfter(pastCutOff ? localToday.AddDays(1) : localToday);
        if (shipOn is { } requested && requested > date)
        {
            date = BusinessDays.OnOrAfter(requested);
        }

        return groundWine ? NextGroundDay(date, groundShipDays) : date;
    }

    /// <summary><paramref name="date"/> when ground wine may leave that day, else the next business day it may.</summary>
    public static DateOnly NextGroundDay(DateOnly date, IReadOnlySet<DayOfWeek> groundShipDays)
    {
        ArgumentNullException.ThrowIfNull(groundShipDays);
        if (groundShipDays.Count == 0)
        {
            return BusinessDays.OnOrAfter(date);
        }

        date = BusinessDays.OnOrAfter(date);
        for (var guard = 0; !groundShipDays.Contains(date.DayOfWeek) && guard < 60; guard++)
        {
            date = BusinessDays.Add(date, 1);
        }

        return date;
    }

    /// <summary>The estimated delivery: <paramref name="transitDays"/> business days after the ship date.</summary>
    public static DateOnly EstimatedDelivery(DateOnly shipDate, int transitDays) => BusinessDays.Add(shipDate, Math.Max(0, transitDays));
}
