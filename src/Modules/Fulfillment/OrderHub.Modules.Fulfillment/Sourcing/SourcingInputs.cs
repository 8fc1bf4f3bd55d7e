using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Compliance.Contracts.Queries;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>
/// What the <see cref="SourcingPlanner"/> plans from, read from the modules that own it: the products' weights and
/// alcohol flag (Inventory's catalog), what each location could ship (Inventory's <see cref="GetSourcingStockQuery"/>:
/// general stock, plus the units held under <c>reservationKey</c> when there is one), and which locations may ship wine
/// into the destination state (Compliance's <see cref="GetShipFromLicensingQuery"/>), the staff's sourcing rules, and each
/// location's settings and day (<see cref="LocationDays"/>: handling cost, what its daily limit leaves, its cut-off and the
/// day it would ship). Past its cut-off a location still competes (<see cref="SourcingRequest.AllowNextDayLocations"/>):
/// its work ships the next business day, which <see cref="SourcingInput.ShipDates"/> carries to the estimates. Read-only: sourcing an order
/// (<see cref="SourceOrderHandler"/>) and quoting a cart (no key: nothing is held yet) read the same way.
/// </summary>
internal sealed class SourcingInputs(ISender sender, StaffSourcingRules rules, LocationDays locationDays, RateCardCostEstimator rates)
{
    public Task<SourcingInput> ReadAsync(
        IReadOnlyList<(int LineNumber, string Sku, int Quantity)> lines, Address shipTo, string? channel, string? reservationKey,
        CancellationToken cancellationToken) => ReadAsync(lines, shipTo, channel, reservationKey, excluded: null, cancellationToken);

    /// <summary>As above, with <paramref name="excluded"/>: locations ruled out by the caller, with the reason the plan gives (work re-sourced away from them).</summary>
    public async Task<SourcingInput> ReadAsync(
        IReadOnlyList<(int LineNumber, string Sku, int Quantity)> lines, Address shipTo, string? channel, string? reservationKey,
        IReadOnlyDictionary<string, string>? excluded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(shipTo);
        List<string> skus = [.. lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)];
        await rates.RefreshAsync(sender, cancellationToken); // the planner prices lanes from Shipping's current rate tables
        var products = (await sender.Send(new GetProductsBySkuQuery(skus), cancellationToken)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var stock = await sender.Send(new GetSourcingStockQuery(reservationKey, skus), cancellationToken);
        var licensed = (await sender.Send(new GetShipFromLicensingQuery(shipTo.Region, [.. stock.Select(l => l.Code)]), cancellationToken))
            .Where(l => l.MayShipWine).Select(l => l.LocationCode).ToHashSet(StringComparer.Ordinal);
        var days = await locationDays.ReadAsync([.. stock.Select(l => l.Code)], cancellationToken);
        var region = shipTo.Region.Trim().ToUpperInvariant();
        var request = new SourcingRequest(
            [.. lines.Select(l => new SourcingLine(
                l.LineNumber, l.Sku, l.Quantity, products.GetValueOrDefault(l.Sku)?.WeightGrams ?? 0, products.GetValueOrDefault(l.Sku)?.IsAlcohol ?? true))],
            new Destination(region, shipTo.PostalCode, shipTo.Country),
            channel,
            [.. stock.Select(l =>
            {
                var kind = LocationCosts.KindOf(l.Type);
                var day = days[l.Code];
                return new CandidateLocation(
                    l.Code, kind, l.PostalCode, l.ShipsToConsumers,
                    licensed.Contains(l.Code) ? new HashSet<string>(StringComparer.Ordinal) { region } : new HashSet<string>(StringComparer.Ordinal),
                    l.Stock.ToDictionary(s => s.Sku, s => s.Available, StringComparer.Ordinal),
                    day.Terms?.HandlingCost ?? LocationCosts.HandlingFor(kind),
                    day.RemainingToday,
                    day.PastCutOff,
                    day.Terms?.DailyLimit,
                    excluded?.GetValueOrDefault(l.Code));
            })],
            AllowNextDayLocations: true); // past its cut-off a location ships tomorrow: later, not never
        return new SourcingInput(
            request, [.. skus.Where(s => !products.ContainsKey(s))], await rules.CurrentAsync(cancellationToken),
            days.ToDictionary(d => d.Key, d => d.Value.ShipDate, StringComparer.Ordinal), products);
    }
}

/// <summary>
/// The planner's request, the SKUs the catalog does not know (planned as weightless alcohol, so only a licensed
/// location with stock of them could ship them; a quote refuses them instead), the policy with the staff's rules now, and
/// the day each location would ship what is sourced there now (its local today, or the next business day past its cut-off),
/// and the catalog's facts about the known SKUs.
/// </summary>
internal sealed record SourcingInput(
    SourcingRequest Request, IReadOnlyList<string> UnknownSkus, SourcingPolicy Policy, IReadOnlyDictionary<string, DateOnly> ShipDates,
    IReadOnlyDictionary<string, ProductInfoDto> Products)
{
    /// <summary>When a parcel from <paramref name="locationCode"/> by <paramref name="service"/> arrives, shipped on the location's ship day.</summary>
    public DateOnly EstimatedDelivery(string locationCode, string? service) => Estimates.DeliveryEstimate.Arrives(ShipDates[locationCode], service);
}
