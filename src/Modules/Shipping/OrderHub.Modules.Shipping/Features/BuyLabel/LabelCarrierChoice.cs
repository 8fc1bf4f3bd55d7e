using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>
/// Which carrier carries a shipment: the cheapest rate for the service level the customer paid for, among the carriers
/// that may carry what is inside (<see cref="ShippingRates"/> applies the alcohol rules: never USPS or DHL for wine).
/// </summary>
internal sealed class LabelCarrierChoice(ShippingRates rates)
{
    public async Task<CarrierRate> ChooseAsync(RateRequest request, ServiceLevel service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rated = await rates.RateAllAsync(request, cancellationToken);
        return rated.Rates.Where(r => r.Service == service).OrderBy(r => r.Amount).ThenBy(r => r.TransitDays).FirstOrDefault()
            ?? throw new BusinessRuleViolationException(
                "NoCarrierForShipment",
                $"No carrier offers {service} for this shipment{(request.ContainsAlcohol ? " with wine inside" : string.Empty)}"
                + (rated.Failures.Count > 0 ? $" ({string.Join("; ", rated.Failures.Select(f => $"{f.Carrier}: {f.Reason}"))})." : "."));
    }
}
