using System.Globalization;
using OrderHub.BuildingBlocks.Documents;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OrderHub.Modules.Shipping.Features.Manifests;

/// <summary>
/// The manifest as the driver signs it: a US Letter page (more when long) with carrier, location, date and one row per
/// package (order, tracking number, weight), then the totals and a signature line. Standard-14 Helvetica, ASCII text.
/// </summary>
internal static class ManifestDocument
{
    private const double Width = 612;
    private const double Height = 792;
    private const double Left = 50;
    private const double RowHeight = 15;

    public static byte[] Render(ManifestDto manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = PdfText.Ascii($"{manifest.Carrier} manifest {manifest.LocationCode} {manifest.Date:yyyy-MM-dd}");
        builder.DocumentInformation.Producer = "OrderHub";
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(Width, Height);
        var y = 60.0;

        void Text(string text, double x, double size, bool strong = false) =>
            page.AddText(PdfText.Ascii(text), size, new PdfPoint(x, Height - y), strong ? bold : regular);

        void Header()
        {
            Text("ORDER", Left, 9, strong: true);
            Text("TRACKING NUMBER", Left + 130, 9, strong: true);
            Text("WEIGHT (KG)", Left + 400, 9, strong: true);
            y += 6;
            page.DrawLine(new PdfPoint(Left, Height - y), new PdfPoint(Width - Left, Height - y), 0.8);
            y += RowHeight;
        }

        Text("END OF DAY MANIFEST", Left, 9, strong: true);
        y += 24;
        Text($"{manifest.Carrier} - {manifest.LocationCode} - {manifest.Date:yyyy-MM-dd}", Left, 18, strong: true);
        y += 18;
        Text($"Closed {manifest.ClosedAt:yyyy-MM-dd HH:mm} UTC by {manifest.ClosedBy}   Manifest {manifest.Id}", Left, 9);
        y += 28;
        Header();
        foreach (var package in manifest.Packages)
        {
            if (y > Height - 90)
            {
                page = builder.AddPage(Width, Height);
                y = 60;
                Header();
            }

            Text(package.OrderNumber, Left, 10);
            Text(package.TrackingNumber, Left + 130, 10);
            Text((package.WeightGrams / 1000m).ToString("0.000", CultureInfo.InvariantCulture), Left + 400, 10);
            y += RowHeight;
        }

        y += 10;
        Text($"{manifest.ShipmentIds.Count} shipment(s), {manifest.PackageCount} package(s), {manifest.TotalWeightGrams / 1000m:0.000} kg", Left, 11, strong: true);
        y += 50;
        page.DrawLine(new PdfPoint(Left, Height - y), new PdfPoint(Left + 250, Height - y), 0.6);
        y += 12;
        Text("Driver signature and pickup time", Left, 8);
        return builder.Build();
    }
}
