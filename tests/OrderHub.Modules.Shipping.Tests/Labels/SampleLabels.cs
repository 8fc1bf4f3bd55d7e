using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Labels;

namespace OrderHub.Modules.Shipping.Tests.Labels;

/// <summary>Labels to render: a winery shipping a case of wine; the tracking numbers are carriers.md's worked examples.</summary>
internal static class SampleLabels
{
    public const string Ups = "1Z4A7Y96A800123453";
    public const string FedExGround = "9611020123456700000428";
    public const string Usps = "9200191234567800001237";

    /// <summary>GS1's worked SSCC-18 (extension 0, prefix 0614141, serial 123456789).</summary>
    public const string Sscc = "006141411234567890";

    public static LabelContent Wine(Carrier carrier = Carrier.UPS, string service = "UPS Ground", string tracking = Ups) => new(
        carrier,
        service,
        tracking,
        PackageNumber: 1,
        PackageCount: 2,
        WeightGrams: 8750,
        ShipFromName: "Domaine Rosé Cellars",
        ShipFrom: new Address("1200 Silverado Trail", null, "Napa", "CA", "94558", "US"),
        ShipToName: "Jane Q. Customer",
        ShipTo: new Address("455 Market Street", "Suite 1200", "San Francisco", "CA", "94105", "US"),
        ShipDate: new DateOnly(2026, 12, 5),
        AdultSignature: true,
        Reference: "ORDER OH-1042",
        ContainsAlcohol: true);

    public static LabelContent Plain(Carrier carrier = Carrier.USPS, string service = "USPS Ground Advantage", string tracking = Usps) =>
        Wine(carrier, service, tracking) with { AdultSignature = false, ContainsAlcohol = false, ShipFromName = "OrderHub Merch", Reference = "ORDER OH-1043" };
}
