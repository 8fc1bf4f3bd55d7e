using OrderHub.Modules.Fulfillment.Documents;
using OrderHub.Modules.Fulfillment.Picking.Waves;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Documents;

public sealed class PickListDocumentTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_pick_list_prints_its_header_and_every_item_in_walking_order()
    {
        var view = Sample(3);

        var pdf = PickListDocument.Render(view);
        PdfProbe.Keep(pdf, "pick-list.pdf");

        var text = PdfProbe.PageTexts(pdf).ShouldHaveSingleItem();
        text.ShouldContain("PL-1042");
        text.ShouldContain("NAPA-WH - Napa Valley warehouse");
        text.ShouldContain("2026-12-05 09:30 UTC");
        text.ShouldContain("2 orders | 3 items | 27 units");
        text.ShouldContain("A-01-2 CAB-NAPA-21-750");
        text.ShouldContain("1 cs + 2 btl");
        text.ShouldContain("L2304");
        text.ShouldContain("OH-100001");
        text.ShouldContain("Cabernet Sauvignon, Napa Valley 2021");
        text.ShouldContain("Rose of Pinot Noir");
        text.IndexOf("A-01-2", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("B-12-3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_list_continues_on_more_pages_with_page_numbers_on_each()
    {
        var pdf = PickListDocument.Render(Sample(60), Paper.A4);
        PdfProbe.Keep(pdf, "pick-list-long-a4.pdf");

        var pages = PdfProbe.PageTexts(pdf);
        pages.Count.ShouldBeGreaterThan(2);
        pages[1].ShouldContain("PL-1042 (continued)");
        pages[^1].ShouldContain($"Page {pages.Count} of {pages.Count}");
        string.Join(' ', pages).ShouldContain("PL-1042/60");
    }

    [Fact]
    public void The_barcodes_on_the_printed_page_scan_as_the_list_number_and_the_items_scan_values()
    {
        if (PdfProbe.PdfToPpm is null)
        {
            Assert.Skip("pdftoppm (poppler-utils) is not installed: the printed barcodes cannot be rasterised here.");
        }

        var view = Sample(3);

        var found = PdfProbe.Barcodes(PickListDocument.Render(view));

        found.ShouldBe(["PL-1042", "PL-1042/1", "PL-1042/2", "PL-1042/3"], ignoreOrder: true);
    }

    [Fact]
    public void A_long_list_number_still_prints_item_barcodes_that_scan()
    {
        if (PdfProbe.PdfToPpm is null)
        {
            Assert.Skip("pdftoppm (poppler-utils) is not installed: the printed barcodes cannot be rasterised here.");
        }

        var view = Sample(3) with { Number = "PL-20261205-0001" };

        var pdf = PickListDocument.Render(view, Paper.A4);
        PdfProbe.Keep(pdf, "pick-list-long-number-a4.pdf");

        var found = PdfProbe.Barcodes(pdf);

        found.ShouldBe(["PL-20261205-0001", "PL-20261205-0001/1", "PL-20261205-0001/2", "PL-20261205-0001/3"], ignoreOrder: true);
    }

    [Fact]
    public void The_scan_value_is_the_list_number_and_the_sequence() => PickListDocument.ScanValue("PL-1042", 7).ShouldBe("PL-1042/7");

    internal static PickListView Sample(int items)
    {
        (string Bin, string Sku, string Name, string Lot, int Quantity, string Order)[] rows =
        [
            ("A-01-2", "CAB-NAPA-21-750", "Cabernet Sauvignon, Napa Valley 2021", "L2304", 14, "OH-100001"),
            ("A-03-1", "ROSE-PN-23-750", "Rosé of Pinot Noir, Carneros 2023", "L2311", 1, "OH-100002"),
            ("B-12-3", "CHARD-RR-22-1500", "Chardonnay, Russian River Valley 2022 (Magnum 1.5 L), Reserve Selection", "L2209-B", 12, "OH-100001"),
        ];

        var lines = Enumerable.Range(0, items).Select(i =>
        {
            var r = rows[i % rows.Length];
            var perCase = r.Sku.EndsWith("1500", StringComparison.Ordinal) ? 6 : 12;
            return new PickListLineView(i + 1, i < rows.Length ? r.Bin : $"C-{i:00}-1", r.Sku, r.Name, r.Lot, r.Quantity, CaseQuantity.Of(r.Quantity, perCase), r.Order);
        }).ToList();
        return new PickListView("PL-1042", "NAPA-WH", "Napa Valley warehouse", Created, lines);
    }
}
