using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Domain.Pricing;

/// <summary>
/// What the customer pays for delivery (not what the carrier charges us): a flat rate by service and by
/// shipper box (up to 6 or 12 bottles per box, DOMAIN.md). Carry-out costs nothing.
/// </summary>
internal static class ShippingChargePolicy
{
    /// <summary>The currency of these rates: an order whose lines are priced in another cannot be charged for shipping.</summary>
    public const string Currency = Currencies.Usd;

    public static decimal For(ShippingService service, int units)
    {
        if (service == ShippingService.Pickup || units <= 0)
        {
            return 0m;
        }

        var boxes = units <= 6 ? 1m : Math.Ceiling(units / 12m);
        var perBox = units <= 6 ? 15m : 25m;
        var multiplier = service switch
        {
            ShippingService.TwoDay => 2m,
            ShippingService.Overnight => 3m,
            _ => 1m,
        };
        return boxes * perBox * multiplier;
    }
}
