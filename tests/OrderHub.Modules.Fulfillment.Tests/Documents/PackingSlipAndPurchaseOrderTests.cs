using OrderHub.Modules.Fulfillment.Documents;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Documents;

public sealed class PackingSlipAndPurchaseOrderTests
{
    private static readonly AddressView Winery = new("Silverado Ridge Winery", "1200 Silverado Trail", null, "Napa", "CA", "94558", Phone: "707-555-0100");
    private static readonly AddressView Consumer = new("Dana Whitfield", "45 West 81st Street", "Apt 7B", "New York", "NY", "10024", Phone: "212-555-0147");
    private static readonly AddressView Supplier = new("Sonoma Bottling Co-op", "88 Gravenstein Hwy N", "Dock 3", "Sebastopol", "CA", "95472");

    [Fact]
    public void The_packing_slip_names_the_order_the_addresses_each_package_and_the_adult_signature()
    {
        var pdf = PackingSlipDocument.Render(Slip());
        PdfProbe.Keep(pdf, "packing-slip.pdf");

        var text = PdfProbe.PageTexts(pdf).ShouldHaveSingleItem();
        text.ShouldContain("PACKING SLIP Order OH-100001");
        text.ShouldContain("Dana Whitfield");
        text.ShouldContain("45 West 81st Street");
        text.ShouldContain("New York, NY 10024");
        text.ShouldContain("Silverado Ridge Winery");
        text.ShouldContain("Package 1 of 2");
        text.ShouldContain("Box WS12");
        text.ShouldContain("Package 2 of 2");
        text.ShouldContain("Rose of Pinot Noir, Carneros 2023");
        text.ShouldContain("ADULT SIGNATURE (21+) REQUIRED");
    }

    [Fact]
    public void The_purchase_order_names_supplier_consumer_lines_total_and_the_alcohol_rules()
    {
        var pdf = PurchaseOrderDocument.Render(PurchaseOrder());
        PdfProbe.Keep(pdf, "purchase-order.pdf");

        var text = PdfProbe.PageTexts(pdf).ShouldHaveSingleItem();
        text.ShouldContain("PURCHASE ORDER - DROPSHIP PO-2026-0042");
        text.ShouldNotContain("PO PO-"); // the number is printed once, not doubled
        text.ShouldContain("Sonoma Bottling Co-op");
        text.ShouldContain("SHIP TO (CONSUMER)");
        text.ShouldContain("Dana Whitfield");
        text.ShouldContain("PN-SC-22-750 SBC-4471");
        text.ShouldContain("Total USD 1,392.00");
        text.ShouldContain("ADULT SIGNATURE (21+) REQUIRED AT DELIVERY");
        text.ShouldContain("never USPS");
    }

    [Fact]
    public void A_purchase_order_without_costs_says_they_are_as_agreed_instead_of_a_zero_total()
    {
        var text = PdfProbe.PageTexts(PurchaseOrderDocument.Render(PurchaseOrder() with
        {
            Number = "DS-000001",
            Lines = [new("PN-SC-22-750", null, "Pinot Noir, Sonoma Coast 2022", 2, null)],
        }))[0];

        text.ShouldContain("PURCHASE ORDER - DROPSHIP DS-000001");
        text.ShouldContain("Cost as agreed with the supplier");
        text.ShouldNotContain("Total USD");
    }

    [Fact]
    public void A_purchase_order_without_alcohol_has_no_alcohol_notice() =>
        PdfProbe.PageTexts(PurchaseOrderDocument.Render(PurchaseOrder() with { ContainsAlcohol = false }))[0].ShouldNotContain("ALCOHOL");

    [Fact]
    public void The_order_and_po_barcodes_scan_as_their_numbers()
    {
        if (PdfProbe.PdfToPpm is null)
        {
            Assert.Skip("pdftoppm (poppler-utils) is not installed: the printed barcodes cannot be rasterised here.");
        }

        PdfProbe.Barcodes(PackingSlipDocument.Render(Slip())).ShouldBe(["OH-100001"]);
        PdfProbe.Barcodes(PurchaseOrderDocument.Render(PurchaseOrder(), Paper.A4)).ShouldBe(["PO-2026-0042"]);
    }

    [Fact]
    public void A_long_purchase_order_continues_on_more_pages()
    {
        var many = Enumerable.Range(1, 70).Select(i => new PurchaseOrderLineView($"SKU-{i:000}", null, $"Wine number {i}", 1, 10m)).ToList();

        var pages = PdfProbe.PageTexts(PurchaseOrderDocument.Render(PurchaseOrder() with { Lines = many }));

        pages.Count.ShouldBeGreaterThan(1);
        pages[^1].ShouldContain("SKU-070");
        pages[^1].ShouldContain("Total USD 700.00");
        pages[^1].ShouldContain($"Page {pages.Count} of {pages.Count}");
    }

    private static PackingSlipView Slip() => new(
        "OH-100001",
        new DateOnly(2026, 12, 3),
        Winery,
        Consumer,
        [
            new("WS12", 18_900, [new("CAB-NAPA-21-750", "Cabernet Sauvignon, Napa Valley 2021", 12)]),
            new("WS3", 5_150, [new("CAB-NAPA-21-750", "Cabernet Sauvignon, Napa Valley 2021", 2), new("ROSE-PN-23-750", "Rosé of Pinot Noir, Carneros 2023", 1)]),
        ],
        ContainsAlcohol: true);

    private static PurchaseOrderView PurchaseOrder() => new(
        "PO-2026-0042",
        new DateOnly(2026, 12, 5),
        Winery,
        Supplier,
        Consumer,
        "OH-100001",
        [
            new("PN-SC-22-750", "SBC-4471", "Pinot Noir, Sonoma Coast 2022", 12, 38.00m),
            new("SB-NV-24-750", "SBC-5102", "Sauvignon Blanc, Napa Valley 2024", 36, 26.00m),
        ],
        "USD",
        ContainsAlcohol: true,
        ShippingService: "UPS Ground, adult signature");
}
