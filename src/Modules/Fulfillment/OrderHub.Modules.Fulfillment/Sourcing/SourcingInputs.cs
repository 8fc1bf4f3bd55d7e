using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Compliance.Contracts.Queries;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>
/// What the <see cref="SourcingPlanner"/> plans from, read from the modules that own it: the products' weights and
/// alcohol flag (Inventory's catalog), what each location could ship (Inventory's <see cref="GetSourcingStockQuery"/>:
/// general stock, plus the units held under <c>reservationKey</c> when there is one), and which locations may ship wine
/// into the destination state (Compliance's <see cref="GetShipFromLicensingQuery"/>), and the staff's sourcing rules. Read-only: sourcing an order
/// (<see cref="SourceOrderHandler"/>) and quoting a cart (no key: nothing is held yet) read the same way.
/// </summary>
internal sealed class SourcingInputs(ISender sender, StaffSourcingRules rules)
{
    public async Task<SourcingInput> ReadAsync(
        IReadOnlyList<(int LineNumber, string Sku, int Quantity)> lines, Address shipTo, string? channel, string? reservationKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(shipTo);
        List<string> skus = [.. lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)];
        var products = (await sender.Send(new GetProductsBySkuQuery(skus), cancellationToken)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var stock = await sender.Send(new GetSourcingStockQuery(reservationKey, skus), cancellationToken);
        var licensed = (await sender.Send(new GetShipFromLicensingQuery(shipTo.Region, [.. stock.Select(l => l.Code)]), cancellationToken))
            .Where(l => l.MayShipWine).Select(l => l.LocationCode).ToHashSet(StringComparer.Ordinal);
        var region = shipTo.Region.Trim().ToUpperInvariant();
        var request = new SourcingRequest(
            [.. lines.Select(l => new SourcingLine(
                l.LineNumber, l.Sku, l.Quantity, products.GetValueOrDefault(l.Sku)?.WeightGrams ?? 0, products.GetValueOrDefault(l.Sku)?.IsAlcohol ?? true))],
            new Destination(region, shipTo.PostalCode, shipTo.Country),
            channel,
            [.. stock.Select(l =>
            {
                var kind = LocationCosts.KindOf(l.Type);
                return new CandidateLocation(
                    l.Code, kind, l.PostalCode, l.ShipsToConsumers,
                    licensed.Contains(l.Code) ? new HashSet<string>(StringComparer.Ordinal) { region } : new HashSet<string>(StringComparer.Ordinal),
                    l.Stock.ToDictionary(s => s.Sku, s => s.Available, StringComparer.Ordinal),
                    LocationCosts.HandlingFor(kind));
            })]);
        return new SourcingInput(request, [.. skus.Where(s => !products.ContainsKey(s))], await rules.CurrentAsync(cancellationToken));
    }
}

/// <summary>
/// The planner's request, the SKUs the catalog does not know (planned as weightless alcohol, so only a licensed
/// location with stock of them could ship them; a quote refuses them instead), and the policy with the staff's rules now.
/// </summary>
internal sealed record SourcingInput(SourcingRequest Request, IReadOnlyList<string> UnknownSkus, SourcingPolicy Policy);
