using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Features.RateShipment;

/// <summary>
/// Looks the ship-from up in Inventory (404 when no location has the code), asks every carrier through
/// <see cref="ShippingRates"/> and dates each offer: today plus its transit business days.
/// </summary>
internal sealed class RateShipmentHandler(ISender sender, ShippingRates rates, TimeProvider clock) : IQueryHandler<RateShipmentQuery, RateShipmentResult>
{
    public async ValueTask<RateShipmentResult> Handle(RateShipmentQuery query, CancellationToken cancellationToken)
    {
        var code = query.FromLocationCode!.Trim();
        var from = await sender.Send(new GetLocationAddressQuery(code), cancellationToken) ?? throw new NotFoundException("Location", code);
        var to = query.To!;
        var request = new RateRequest(
            from.Address,
            new Address(to.Line1 ?? string.Empty, null, to.City ?? string.Empty, to.Region!.ToUpperInvariant(), to.PostalCode!, to.Country!),
            [.. query.Packages!.Select(p => new ShippingParcel(p.WeightGrams, p.LengthCm, p.WidthCm, p.HeightCm))],
            query.ContainsAlcohol!.Value,
            query.AdultSignature ?? false);
        var result = await rates.RateAllAsync(request, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new RateShipmentResult(
            [.. result.Rates.Select(r => new ShippingRateDto(r.Carrier.ToString(), r.Service.ToString(), r.ServiceName, r.Amount, r.Currency, r.TransitDays, BusinessDays.Add(today, r.TransitDays)))],
            [.. result.Failures.Select(f => $"{f.Carrier}: {f.Reason}")]);
    }
}
