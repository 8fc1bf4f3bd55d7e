using System.Globalization;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Labels;

/// <summary>
/// What one package's 4x6 label says (carriers.md section 4). <paramref name="ServiceName"/> is the carrier's own name for
/// the service ("UPS GROUND"); <paramref name="TrackingNumber"/> is what the Code 128 barcode encodes (FedEx Ground: the
/// 22-digit 96 form). <paramref name="ContainsAlcohol"/> adds the alcohol wording and always the adult-signature mark.
/// <paramref name="Sscc"/> is the carton's GS1 SSCC-18 (18 digits), printed as a GS1-128 barcode with "(00)" text.
/// </summary>
internal sealed record LabelContent(
    Carrier Carrier,
    string ServiceName,
    string TrackingNumber,
    int PackageNumber,
    int PackageCount,
    int WeightGrams,
    string ShipFromName,
    Address ShipFrom,
    string ShipToName,
    Address ShipTo,
    DateOnly ShipDate,
    bool AdultSignature,
    string Reference,
    bool ContainsAlcohol = false,
    string? Sscc = null)
{
    public const string AdultSignatureText = "ADULT SIGNATURE REQUIRED";

    public const string AlcoholText = "CONTAINS ALCOHOL - ADULT SIGNATURE (21+) REQUIRED";

    /// <summary>Alcohol always travels with an adult signature (API.md, carriers.md section 6).</summary>
    public bool AdultSignatureRequired => AdultSignature || ContainsAlcohol;

    /// <summary>The labels of a bought shipment, one per package in the purchase's order, numbered 1 of n (with the cartons' SSCCs, in the same order, when given).</summary>
    public static IReadOnlyList<LabelContent> For(LabelPurchase purchase, PurchasedLabel label, string serviceName, IReadOnlyList<string>? ssccs = null)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        ArgumentNullException.ThrowIfNull(label);
        if (label.TrackingNumbers.Count != purchase.Packages.Count)
        {
            throw new ArgumentException(
                $"The carrier sold {label.TrackingNumbers.Count} tracking numbers for {purchase.Packages.Count} packages.", nameof(label));
        }

        if (ssccs is not null && ssccs.Count != purchase.Packages.Count)
        {
            throw new ArgumentException($"{ssccs.Count} SSCCs for {purchase.Packages.Count} packages.", nameof(ssccs));
        }

        return purchase.Packages
            .Select((package, i) => new LabelContent(
                purchase.Carrier,
                serviceName,
                label.TrackingNumbers[i],
                i + 1,
                purchase.Packages.Count,
                package.WeightGrams,
                purchase.ShipFromName,
                purchase.ShipFrom,
                purchase.ShipToName,
                purchase.ShipTo,
                purchase.ShipDate,
                purchase.AdultSignature,
                purchase.Reference,
                purchase.ContainsAlcohol,
                ssccs?[i]))
            .ToList();
    }

    /// <summary>"1 OF 2".</summary>
    public string PackageOf => string.Create(CultureInfo.InvariantCulture, $"{PackageNumber} OF {PackageCount}");

    /// <summary>Pounds to one decimal, rounded up (what US carriers read), and kilograms: "4.3 LB (1.95 KG)".</summary>
    public string WeightText
    {
        get
        {
            var pounds = Math.Ceiling(WeightGrams / 453.59237 * 10) / 10;
            return string.Create(CultureInfo.InvariantCulture, $"{pounds:0.0} LB ({WeightGrams / 1000.0:0.00} KG)");
        }
    }

    /// <summary>"SHIP DATE: 05 DEC 2026".</summary>
    public string ShipDateText => "SHIP DATE: " + ShipDate.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant();

    /// <summary>The tracking number as printed above the barcode: "TRACKING #: 1Z 4A7 Y96 A8 0012 3453".</summary>
    public string TrackingText => (Carrier == Carrier.FedEx ? "TRK# " : "TRACKING #: ") + TrackingNumberFormat.Spaced(Carrier, TrackingNumber);

    /// <summary>The SSCC as printed under its barcode: "(00)006141411234567890"; null without one.</summary>
    public string? SsccText => Sscc is null ? null : TrackingNumbers.Sscc.HumanReadable(Sscc);

    /// <summary>The ship-from block: name, street lines, "City, ST 12345", country when not US.</summary>
    public IReadOnlyList<string> FromLines() => Lines(ShipFromName, ShipFrom);

    /// <summary>The ship-to block in capitals, as carriers print it.</summary>
    public IReadOnlyList<string> ToLines() => Lines(ShipToName, ShipTo).Select(l => l.ToUpperInvariant()).ToList();

    private static List<string> Lines(string name, Address address)
    {
        var lines = new List<string> { name, address.Line1 };
        if (!string.IsNullOrWhiteSpace(address.Line2))
        {
            lines.Add(address.Line2);
        }

        lines.Add($"{address.City}, {address.Region} {address.PostalCode}");
        if (!string.Equals(address.Country, "US", StringComparison.OrdinalIgnoreCase))
        {
            lines.Add(address.Country);
        }

        return lines;
    }
}
