using Mediator;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Delivery.Weather;
using OrderHub.Modules.Shipping.Domain.Shipments;

namespace OrderHub.Modules.Shipping.Delivery;

/// <summary>When a shipment leaves and arrives, and whether the weather holds it (null: it may travel).</summary>
internal sealed record DeliveryPlan(DateOnly ShipDate, DateOnly EstimatedDelivery, WeatherHoldPlan? Hold);

/// <summary>Why wine waits (<see cref="WeatherRule.Reason"/>) and the first ship date the forecast allows (null: none within a year).</summary>
internal sealed record WeatherHoldPlan(string Reason, DateOnly? ProposedShipDate, WeatherBreach Breach);

/// <summary>
/// Plans a label's dates: the location's day and cut-off from Fulfillment (<see cref="GetLocationShipDayQuery"/>), the
/// carrier calendar and ground days (<see cref="ShipDates"/>), and for wine the weather over the transit window at both
/// ends (<see cref="IWeatherForecast"/>, <see cref="WeatherRule"/>). Used by BuyLabel and the weather-hold release job.
/// </summary>
internal sealed class DeliveryPlanner(ISender sender, IWeatherForecast weather, IOptions<DeliveryOptions> options)
{
    /// <summary>How far ahead a held shipment's next possible ship date is looked for.</summary>
    public const int SearchDays = 366;

    /// <summary>Conservative transit business days by service, for a plan made before a carrier is chosen (the release job).</summary>
    public static int TransitDaysOf(ServiceLevel service) => service switch { ServiceLevel.Overnight => 1, ServiceLevel.TwoDay => 2, _ => 5 };

    public async Task<DeliveryPlan> PlanAsync(Shipment shipment, Address origin, int transitDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var day = await sender.Send(new GetLocationShipDayQuery(shipment.LocationCode, now), cancellationToken);
        return await PlanAsync(shipment, origin, transitDays, day, now, cancellationToken);
    }

    /// <summary>The plan on the location's <paramref name="day"/> already asked (a batch of labels asks once per location).</summary>
    public async Task<DeliveryPlan> PlanAsync(Shipment shipment, Address origin, int transitDays, LocationShipDayDto day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(day);
        var o = options.Value;
        var groundWine = IsGroundWine(shipment);
        var shipDate = ShipDates.ShipDate(day.LocalDate, day.PastCutOff, shipment.ShipOn, groundWine, o.GroundShipDays);
        var delivery = ShipDates.EstimatedDelivery(shipDate, transitDays);
        if (!shipment.ContainsAlcohol)
        {
            return new DeliveryPlan(shipDate, delivery, null);
        }

        // The transit window decides; only a hold reads a year ahead (for the first ship date that fits). Most wine travels,
        // and a club release plans thousands of labels: a year of days at both ends was a sixth of what each one allocated.
        var destination = new WeatherPlace(shipment.ShipTo.Region, shipment.ShipTo.PostalCode);
        var from = new WeatherPlace(origin.Region, origin.PostalCode);
        var (minF, maxF) = (o.Weather.MinF, o.Weather.MaxF);
        var inTransit = await DaysAsync(destination, from, shipDate, delivery, cancellationToken);
        if (WeatherRule.Check(shipDate, delivery, minF, maxF, inTransit.Destination, inTransit.Origin) is null)
        {
            return new DeliveryPlan(shipDate, delivery, null);
        }

        var ahead = await DaysAsync(destination, from, shipDate, shipDate.AddDays(SearchDays + 30), cancellationToken);
        var hold = Decide(shipDate, transitDays, groundWine, o.GroundShipDays, minF, maxF, ahead.Destination, ahead.Origin, NextTick(now));
        return new DeliveryPlan(shipDate, delivery, hold);
    }

    /// <summary>
    /// The weather verdict of a window (pure): null when wine may travel from <paramref name="shipDate"/>; else the
    /// worst breach, its reason and the first later ship date (an allowed day) whose whole window fits.
    /// </summary>
    public static WeatherHoldPlan? Decide(
        DateOnly shipDate, int transitDays, bool groundWine, IReadOnlySet<DayOfWeek> groundShipDays, int minF, int maxF,
        (WeatherPlace Place, IReadOnlyList<DayTemperatures> Days) destination, (WeatherPlace Place, IReadOnlyList<DayTemperatures> Days)? origin, DateTimeOffset checkAgainAt)
    {
        var breach = WeatherRule.Check(shipDate, ShipDates.EstimatedDelivery(shipDate, transitDays), minF, maxF, destination, origin);
        if (breach is null)
        {
            return null;
        }

        DateOnly? proposed = null;
        for (var candidate = Next(shipDate); candidate <= shipDate.AddDays(SearchDays); candidate = Next(candidate))
        {
            if (WeatherRule.Check(candidate, ShipDates.EstimatedDelivery(candidate, transitDays), minF, maxF, destination, origin) is null)
            {
                proposed = candidate;
                break;
            }
        }

        return new WeatherHoldPlan(WeatherRule.Reason(breach, minF, maxF, checkAgainAt, proposed), proposed, breach);

        DateOnly Next(DateOnly date) => groundWine ? ShipDates.NextGroundDay(BusinessDays.Add(date, 1), groundShipDays) : BusinessDays.Add(date, 1);
    }

    private async Task<((WeatherPlace, IReadOnlyList<DayTemperatures>) Destination, (WeatherPlace, IReadOnlyList<DayTemperatures>) Origin)> DaysAsync(
        WeatherPlace destination, WeatherPlace origin, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        ((destination, await weather.DailyAsync(destination, from, to, cancellationToken)), (origin, await weather.DailyAsync(origin, from, to, cancellationToken)));

    /// <summary>Ground wine waits for the allowed ground days.</summary>
    public static bool IsGroundWine(Shipment shipment) => shipment.ContainsAlcohol && shipment.RequestedService == ServiceLevel.Ground;

    /// <summary>The release job runs hourly: a hold is checked again at the next full hour.</summary>
    public static DateTimeOffset NextTick(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(now.UtcDateTime.Hour + 1);
}
