using System.Globalization;

namespace OrderHub.Modules.Fulfillment.Documents;

/// <summary>A dropship purchase order: the winery buys from a supplier who ships straight to the consumer.</summary>
internal sealed record PurchaseOrderView(
    string Number,
    DateOnly IssuedOn,
    AddressView Buyer,
    AddressView Supplier,
    AddressView ShipTo,
    string OrderNumber,
    IReadOnlyList<PurchaseOrderLineView> Lines,
    string Currency,
    bool ContainsAlcohol,
    string? ShippingService = null,
    string? Notes = null);

/// <summary>A line to buy; <see cref="UnitCost"/> is null when the cost is as agreed with the supplier (not on the PO).</summary>
internal sealed record PurchaseOrderLineView(string Sku, string? SupplierSku, string Description, int Quantity, decimal? UnitCost)
{
    public decimal? Total => Quantity * UnitCost;
}

/// <summary>
/// The dropship PO sent to a supplier: PO number (and its Code 128), buyer, supplier, the consumer to ship to, the lines
/// with cost and total, and for alcohol the adult-signature rule and that USPS may not carry it.
/// </summary>
internal static class PurchaseOrderDocument
{
    public static byte[] Render(PurchaseOrderView view, Paper paper = Paper.Letter)
    {
        ArgumentNullException.ThrowIfNull(view);
        var inv = CultureInfo.InvariantCulture;
        using var c = new DocumentCanvas(paper, $"Purchase order {view.Number}");
        var facts = new List<string> { $"Issued: {view.IssuedOn.ToString("yyyy-MM-dd", inv)}", $"Customer order: {view.OrderNumber}" };
        if (view.ShippingService is not null)
        {
            facts.Add($"Ship via: {view.ShippingService}");
        }

        Sheet.Title(c, "PURCHASE ORDER - DROPSHIP", view.Number, view.Number, facts);
        Sheet.Addresses(c, [("BUYER", view.Buyer), ("SUPPLIER", view.Supplier), ("SHIP TO (CONSUMER)", view.ShipTo)]);
        if (view.ContainsAlcohol)
        {
            Sheet.Notice(
                c,
                "ALCOHOL - ADULT SIGNATURE (21+) REQUIRED AT DELIVERY",
                "Ship with a carrier holding an alcohol agreement (UPS, FedEx), adult signature service; never USPS. Mark each package as alcohol.");
        }

        var width = c.Right - DocumentCanvas.Left;
        Sheet.Table(
            c,
            [("SKU", 0, false), ("SUPPLIER SKU", 95, false), ("DESCRIPTION", 180, false), ("QTY", width - 150, true), ("UNIT COST", width - 75, true), ("TOTAL", width - 4, true)],
            view.Lines.Select(l => new[]
            {
                l.Sku, l.SupplierSku ?? "-", l.Description, l.Quantity.ToString(inv), l.UnitCost?.ToString("N2", inv) ?? "-", l.Total?.ToString("N2", inv) ?? "-",
            }));

        c.EnsureSpace(30);
        c.Y -= 16;
        if (view.Lines.All(l => l.UnitCost is not null))
        {
            c.TextRight(string.Create(inv, $"Total {view.Currency} {view.Lines.Sum(l => l.Total):N2}"), c.Right - 4, c.Y, 12, bold: true);
        }
        else
        {
            c.TextRight("Cost as agreed with the supplier", c.Right - 4, c.Y, 9);
        }

        c.TextRight(string.Create(inv, $"{view.Lines.Sum(l => l.Quantity)} units"), c.Right - 160, c.Y, 9, gray: 70);
        c.Y -= 14;

        c.EnsureSpace(60);
        c.Y -= 10;
        c.Text("Instructions", DocumentCanvas.Left, c.Y, 10, bold: true);
        c.Y -= 13;
        foreach (var line in new[]
        {
            "Ship directly to the consumer above; put no prices in the package.",
            $"Quote purchase order {view.Number} on the packing slip and the invoice; send tracking numbers to the buyer.",
            view.Notes ?? string.Empty,
        }.Where(l => l.Length > 0))
        {
            c.EnsureSpace(12);
            c.TextFit($"- {line}", DocumentCanvas.Left, c.Y, 9, width);
            c.Y -= 12;
        }

        c.Footers($"OrderHub  |  Purchase order {view.Number}  |  Order {view.OrderNumber}");
        return c.Build();
    }
}
