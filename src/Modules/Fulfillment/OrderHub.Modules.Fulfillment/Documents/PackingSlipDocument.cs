using System.Globalization;
using OrderHub.Modules.Fulfillment.Packing.Cartonization;

namespace OrderHub.Modules.Fulfillment.Documents;

/// <summary>A packing slip: the order, who ships it and to whom, and what is in each package.</summary>
internal sealed record PackingSlipView(
    string OrderNumber,
    DateOnly OrderDate,
    AddressView ShipFrom,
    AddressView ShipTo,
    IReadOnlyList<PackingSlipPackageView> Packages,
    bool ContainsAlcohol,
    string? Message = null);

internal sealed record PackingSlipPackageView(string Box, int WeightGrams, IReadOnlyList<PackingSlipLineView> Lines)
{
    /// <summary>A package as the cartonizer made it, its lines described by <paramref name="describe"/> (SKU to product name).</summary>
    public static PackingSlipPackageView From(PackedPackage package, Func<string, string> describe) =>
        new(package.BoxCode, package.WeightGrams, [.. package.Lines.Select(l => new PackingSlipLineView(l.Sku, describe(l.Sku), l.Quantity))]);
}

internal sealed record PackingSlipLineView(string Sku, string Description, int Quantity);

/// <summary>
/// The packing slip that travels in the first package: order number (and its Code 128, for scanning at the pack bench),
/// ship-from and ship-to, one table per package ("Package 1 of 2"), and for wine the adult-signature notice. No prices:
/// a gift recipient gets it too.
/// </summary>
internal static class PackingSlipDocument
{
    public static byte[] Render(PackingSlipView view, Paper paper = Paper.Letter)
    {
        ArgumentNullException.ThrowIfNull(view);
        var inv = CultureInfo.InvariantCulture;
        using var c = new DocumentCanvas(paper, $"Packing slip {view.OrderNumber}");
        Sheet.Title(c, "PACKING SLIP", $"Order {view.OrderNumber}", view.OrderNumber, [$"Order date: {view.OrderDate.ToString("yyyy-MM-dd", inv)}"]);
        Sheet.Addresses(c, [("SHIP FROM", view.ShipFrom), ("SHIP TO", view.ShipTo)]);
        if (view.ContainsAlcohol)
        {
            Sheet.Notice(c, "CONTAINS ALCOHOL - ADULT SIGNATURE (21+) REQUIRED AT DELIVERY", "Do not leave unattended. The recipient must show a valid ID proving they are 21 or older.");
        }

        for (var p = 0; p < view.Packages.Count; p++)
        {
            var package = view.Packages[p];
            c.EnsureSpace(60);
            c.Y -= 6;
            var units = package.Lines.Sum(l => l.Quantity);
            c.Text(string.Create(inv, $"Package {p + 1} of {view.Packages.Count}"), DocumentCanvas.Left, c.Y - 12, 11, bold: true);
            c.TextRight(
                string.Create(inv, $"Box {package.Box}   |   {package.WeightGrams / 1000.0:0.0} kg ({package.WeightGrams / 453.59237:0.0} lb)   |   {units} {(units == 1 ? "unit" : "units")}"),
                c.Right, c.Y - 12, 9, gray: 60);
            c.Y -= 18;
            Sheet.Table(c, [("SKU", 0, false), ("DESCRIPTION", 130, false), ("QTY", c.Right - DocumentCanvas.Left - 4, true)], package.Lines.Select(l => new[] { l.Sku, l.Description, l.Quantity.ToString(inv) }));
        }

        c.EnsureSpace(40);
        c.Y -= 14;
        c.TextFit(view.Message ?? "Thank you for your order. Questions? Contact the winery with your order number.", DocumentCanvas.Left, c.Y - 10, 9, c.Right - DocumentCanvas.Left, gray: 70);
        c.Footers($"OrderHub  |  Packing slip  |  Order {view.OrderNumber}");
        return c.Build();
    }
}
