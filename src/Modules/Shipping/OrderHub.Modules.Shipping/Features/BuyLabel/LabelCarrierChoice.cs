using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>
/// Which carrier carries a shipment: the cheapest rate for the service level the customer paid for, among carriers
/// that may carry what is inside (never USPS or DHL for wine: carriers.md §6).
/// </summary>
internal sealed class LabelCarrierChoice(IEnumerable<ICarrierRates> carriers)
{
    public async Task<CarrierRate> ChooseAsync(RateRequest request, ServiceLevel service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var eligible = carriers.Where(c => !request.ContainsAlcohol || c.Carrier is not (Carrier.USPS or Carrier.DHL)).ToList();
        var rates = await Task.WhenAll(eligible.Select(c => c.RateAsync(request, cancellationToken)));
        return rates.SelectMany(r => r).Where(r => r.Service == service).OrderBy(r => r.Amount).ThenBy(r => r.TransitDays).FirstOrDefault()
            ?? throw new BusinessRuleViolationException("NoCarrierForShipment", $"No carrier offers {service} for this shipment{(request.ContainsAlcohol ? " with wine inside" : string.Empty)}.");
    }
}
