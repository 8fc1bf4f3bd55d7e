using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Shipping.Features.QuoteShippingCharge;

/// <summary>How the customer's shipping charge is reckoned.</summary>
internal enum CheckoutChargeBasis
{
    /// <summary>A flat price per shipper box, by service (wineries' usual "15.00 a six-pack box").</summary>
    PerBox,

    /// <summary>What the cheapest carrier allowed to carry the cart would charge from the merchant's origin, plus a markup.</summary>
    CarrierRate,
}

/// <summary>
/// <c>OrderHub:Shipping:CheckoutCharge</c>: the merchant's rule for what a customer pays for carriage. The defaults are
/// per box: up to 6 units ship in one small box at 15.00, more in boxes of 12 at 25.00 each; TwoDay costs 2x and
/// Overnight 3x. Checked at start: a charge rule that cannot price a cart stops the host, not a checkout.
/// </summary>
internal sealed class CheckoutChargeOptions : ISelfCheckingOptions
{
    public const string Section = "OrderHub:Shipping:CheckoutCharge";

    public CheckoutChargeBasis Basis { get; set; } = CheckoutChargeBasis.PerBox;

    /// <summary>A cart of up to this many units ships in one small box.</summary>
    public int SmallBoxUnits { get; set; } = 6;

    public decimal SmallBoxPrice { get; set; } = 15m;

    /// <summary>A larger cart ships in boxes of this many units.</summary>
    public int LargeBoxUnits { get; set; } = 12;

    public decimal LargeBoxPrice { get; set; } = 25m;

    /// <summary>Per-box prices are for Ground; faster services multiply them.</summary>
    public decimal TwoDayMultiplier { get; set; } = 2m;

    public decimal OvernightMultiplier { get; set; } = 3m;

    /// <summary>Ground is free when the lines come to at least this much (none when unset). Faster services are charged in full.</summary>
    public decimal? FreeGroundFromSubtotal { get; set; }

    /// <summary>Where carrier rates are reckoned from (<see cref="CheckoutChargeBasis.CarrierRate"/>): the merchant's main shipping ZIP.</summary>
    public string? OriginPostalCode { get; set; }

    /// <summary>The origin's state (a same-state courier is offered only within it).</summary>
    public string? OriginRegion { get; set; }

    /// <summary>Added to the carrier's rate (<see cref="CheckoutChargeBasis.CarrierRate"/>), in percent; 0 passes the rate on as it is.</summary>
    public decimal MarkupPercent { get; set; }

    /// <summary>What is wrong with these settings, or an empty list.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SmallBoxUnits < 1 || LargeBoxUnits < SmallBoxUnits)
        {
            problems.Add($"{Section}: SmallBoxUnits must be 1 or more and LargeBoxUnits at least SmallBoxUnits (they are {SmallBoxUnits} and {LargeBoxUnits}).");
        }

        if (SmallBoxPrice < 0 || LargeBoxPrice < 0 || TwoDayMultiplier < 0 || OvernightMultiplier < 0 || MarkupPercent < 0)
        {
            problems.Add($"{Section}: prices, multipliers and MarkupPercent cannot be negative.");
        }

        if (FreeGroundFromSubtotal is <= 0)
        {
            problems.Add($"{Section}:FreeGroundFromSubtotal must be above 0 when set (leave it out for no free shipping).");
        }

        if (Basis == CheckoutChargeBasis.CarrierRate
            && (OriginPostalCode is not { Length: 5 } zip || !zip.All(char.IsAsciiDigit) || OriginRegion is not { Length: 2 }))
        {
            problems.Add($"{Section}: Basis CarrierRate needs OriginPostalCode (a 5-digit ZIP) and OriginRegion (a 2-letter state), where carrier rates are reckoned from.");
        }

        return problems;
    }
}
