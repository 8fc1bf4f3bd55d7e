using System.Globalization;
using OrderHub.BuildingBlocks.Documents;
using OrderHub.Modules.Fulfillment.Picking.Waves;

namespace OrderHub.Modules.Fulfillment.Documents;

/// <summary>A pick list to print: its number, where, when, and the items in walking order.</summary>
internal sealed record PickListView(string Number, string LocationCode, string? LocationName, DateTimeOffset CreatedAt, IReadOnlyList<PickListLineView> Items);

/// <summary>One item of a printed pick list (a <see cref="PickItem"/> with the product's name).</summary>
internal sealed record PickListLineView(int Sequence, string Bin, string Sku, string ProductName, string Lot, int Quantity, CaseQuantity AsCases, string OrderNumber)
{
    public static PickListLineView From(PickItem item, string productName) =>
        new(item.Sequence, item.Bin, item.Sku, productName, item.Lot, item.Quantity, item.AsCases, item.OrderNumber);
}

/// <summary>
/// The printable pick list: a header with the number (and its Code 128), location, time and counts, then one row per
/// item in walking order with a check box, sequence, bin, SKU and product, lot and order, quantity as cases + bottles, and a
/// Code 128 of the item's scan value. Rows continue on as many pages as needed, the table head repeated.
/// <para>Scan value of an item: <c>&lt;pick-list number&gt;/&lt;sequence&gt;</c> (<see cref="ScanValue"/>), e.g.
/// <c>PL-1042/7</c>. It names exactly one item of one list, which is what confirming a pick needs (the confirm request is
/// keyed by sequence), and stays short enough to print beside the row; bin, SKU and lot are on the row for the eye, and
/// the bottle's own UPC proves the product. The header barcode is the pick-list number alone.</para>
/// </summary>
internal static class PickListDocument
{
    private const double RowHeight = 34;
    private const double HeadHeight = 16;

    /// <summary>Points a module of an item barcode: 2.5 px at 200 dpi, 7.5 dots at 600 dpi.</summary>
    private const double ModuleWidth = 0.9;

    /// <summary>What an item's barcode says.</summary>
    public static string ScanValue(string pickListNumber, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{pickListNumber}/{sequence}");

    public static byte[] Render(PickListView view, Paper paper = Paper.Letter)
    {
        ArgumentNullException.ThrowIfNull(view);
        using var canvas = new DocumentCanvas(paper, $"Pick list {view.Number}");
        var columns = Layout(canvas, view);
        Header(canvas, view);
        TableHead(canvas, columns);
        for (var i = 0; i < view.Items.Count; i++)
        {
            if (canvas.EnsureSpace(RowHeight))
            {
                ContinuationHeader(canvas, view);
                TableHead(canvas, columns);
            }

            Row(canvas, columns, view, view.Items[i], shaded: i % 2 == 1);
        }

        if (view.Items.Count == 0)
        {
            canvas.Text("Nothing to pick.", DocumentCanvas.Left + 4, canvas.Y - 14, 10, gray: 90);
            canvas.Y -= 24;
        }

        SignOff(canvas);
        canvas.Footers($"OrderHub  |  Pick list {view.Number}  |  {view.LocationCode}  |  Scan value of an item: <pick list>/<sequence>");
        return canvas.Build();
    }

    private static void Header(DocumentCanvas c, PickListView view)
    {
        var inv = CultureInfo.InvariantCulture;
        var top = c.Y;
        c.Text("PICK LIST", DocumentCanvas.Left, top - 9, 8, bold: true, gray: 110);
        c.Text(view.Number, DocumentCanvas.Left, top - 31, 22, bold: true);
        var location = view.LocationName is null ? view.LocationCode : $"{view.LocationCode} - {view.LocationName}";
        c.TextFit($"Location: {location}", DocumentCanvas.Left, top - 47, 10, 300);
        c.Text($"Created: {view.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", inv)} UTC", DocumentCanvas.Left, top - 60, 10);
        var orders = view.Items.Select(i => i.OrderNumber).Distinct(StringComparer.Ordinal).Count();
        var bottles = view.Items.Sum(i => i.Quantity);
        c.Text(
            string.Create(inv, $"{orders} {(orders == 1 ? "order" : "orders")}   |   {view.Items.Count} {(view.Items.Count == 1 ? "item" : "items")}   |   {bottles} {(bottles == 1 ? "unit" : "units")}"),
            DocumentCanvas.Left, top - 76, 10, bold: true);

        const double BarHeight = 40;
        var width = Math.Min(Code128Bars.WidthAt(view.Number, 1.2), 220);
        var x = c.Right - width;
        c.Barcode(view.Number, x, top - 8 - BarHeight, BarHeight, 1.2, width);
        c.Text(view.Number, x + ((width - c.Measure(view.Number, 8)) / 2), top - 8 - BarHeight - 10, 8);
        c.Y = top - 88;
        c.Rule(c.Y, 1.2);
        c.Y -= 10;
    }

    private static void ContinuationHeader(DocumentCanvas c, PickListView view)
    {
        c.Text($"Pick list {view.Number} (continued)", DocumentCanvas.Left, c.Y - 12, 12, bold: true);
        c.TextRight(view.LocationCode, c.Right, c.Y - 12, 10);
        c.Y -= 20;
        c.Rule(c.Y, 0.8);
        c.Y -= 8;
    }

    private static void TableHead(DocumentCanvas c, Columns k)
    {
        c.Shade(DocumentCanvas.Left, c.Y - HeadHeight, c.Right - DocumentCanvas.Left, HeadHeight, 225);
        var baseline = c.Y - 11;
        c.Text("#", k.Seq, baseline, 7.5, bold: true);
        c.Text("BIN", k.Bin, baseline, 7.5, bold: true);
        c.Text("SKU / PRODUCT", k.Sku, baseline, 7.5, bold: true);
        c.Text("LOT / ORDER", k.Lot, baseline, 7.5, bold: true);
        c.Text("QUANTITY", k.Qty, baseline, 7.5, bold: true);
        c.Text("SCAN", k.Scan, baseline, 7.5, bold: true);
        c.Y -= HeadHeight;
    }

    private static void Row(DocumentCanvas c, Columns k, PickListView view, PickListLineView item, bool shaded)
    {
        var top = c.Y;
        if (shaded)
        {
            c.Shade(DocumentCanvas.Left, top - RowHeight, c.Right - DocumentCanvas.Left, RowHeight, 246);
        }

        var inv = CultureInfo.InvariantCulture;
        var upper = top - 14;
        var lower = top - 26;
        c.Box(k.Check, top - 20, 9, 9, 0.7);
        c.Text(item.Sequence.ToString(inv), k.Seq, upper, 11, bold: true);
        c.TextFit(item.Bin, k.Bin, upper, 11, k.Sku - k.Bin - 4, bold: true);
        c.TextFit(item.Sku, k.Sku, upper, 9, k.Lot - k.Sku - 6, bold: true);
        c.TextFit(item.ProductName, k.Sku, lower, 8, k.Lot - k.Sku - 6, gray: 70);
        c.TextFit(item.Lot, k.Lot, upper, 9, k.Qty - k.Lot - 4);
        c.TextFit(item.OrderNumber, k.Lot, lower, 8, k.Qty - k.Lot - 4, gray: 40);
        c.TextFit(item.AsCases.ToString(), k.Qty, upper, 10, k.Scan - k.Qty - 6, bold: true);
        if (item.AsCases.Cases > 0)
        {
            c.Text(string.Create(inv, $"= {item.Quantity} units"), k.Qty, lower, 7.5, gray: 90);
        }


        var value = ScanValue(view.Number, item.Sequence);
        c.Barcode(value, k.Scan, top - 25, 20, ModuleWidth, c.Right - k.Scan - 2);
        c.Text(value, k.Scan, top - 32, 6, gray: 90);
        c.Y = top - RowHeight;
        c.Rule(c.Y, 0.3, gray: 200);
    }

    private static void SignOff(DocumentCanvas c)
    {
        c.EnsureSpace(40);
        c.Y -= 28;
        c.Text("Picked by: ______________________", DocumentCanvas.Left, c.Y, 9);
        c.Text("Checked by: ______________________", DocumentCanvas.Left + 200, c.Y, 9);
        c.Text("Date: ____________", DocumentCanvas.Left + 410, c.Y, 9);
    }

    /// <summary>
    /// Column x positions. The scan column is as wide as the longest item barcode needs at <see cref="ModuleWidth"/>
    /// (at least 104 pt, at most 180 pt, so a long list number still scans at 200 dpi); quantity and lot / order are
    /// fixed from it; SKU / product takes the rest.
    /// </summary>
    private static Columns Layout(DocumentCanvas c, PickListView view)
    {
        var longest = view.Items.Count == 0 ? 0 : view.Items.Max(i => Code128Bars.Encode(ScanValue(view.Number, i.Sequence)).Modules);
        var check = DocumentCanvas.Left + 4;
        var seq = check + 16;
        var bin = seq + 24;
        var sku = bin + 56;
        var scan = c.Right - Math.Clamp((longest * ModuleWidth) + 2, 104, 180);
        var qty = scan - 66;
        var lot = qty - 70;
        return new Columns(check, seq, bin, sku, lot, qty, scan);
    }

    private sealed record Columns(double Check, double Seq, double Bin, double Sku, double Lot, double Qty, double Scan);
}
