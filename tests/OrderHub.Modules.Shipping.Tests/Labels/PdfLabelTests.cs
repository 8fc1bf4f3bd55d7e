using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Labels;
using Shouldly;
using UglyToad.PdfPig;

namespace OrderHub.Modules.Shipping.Tests.Labels;

public sealed class PdfLabelTests
{
    [Fact]
    public void One_4x6_page_per_package()
    {
        var pdf = PdfLabel.Render([SampleLabels.Wine(), SampleLabels.Wine() with { PackageNumber = 2, TrackingNumber = "1Z4A7Y96A800123462" }]);

        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(2);
        foreach (var page in document.GetPages())
        {
            page.Width.ShouldBe(288);
            page.Height.ShouldBe(432);
        }
    }

    [Fact]
    public void The_page_says_what_the_zpl_label_says()
    {
        var pdf = PdfLabel.Render([SampleLabels.Wine()]);
        LabelPdfProbe.Keep(pdf, "label-ups.pdf");

        var text = LabelPdfProbe.PageTexts(pdf)[0];
        foreach (var expected in new[]
        {
            "Domaine Rose Cellars", "19.3 LB (8.75 KG)", "1 OF 2", "SHIP DATE: 05 DEC 2026", "SHIP TO:", "JANE Q. CUSTOMER", "SUITE 1200",
            "SAN FRANCISCO, CA 94105", "ADULT SIGNATURE REQUIRED", "CONTAINS ALCOHOL - ADULT SIGNATURE (21+) REQUIRED", "UPS GROUND",
            "TRACKING #: 1Z 4A7 Y96 A8 0012 3453", "1Z4A7Y96A800123453", "REF: ORDER OH-1042",
        })
        {
            text.ShouldContain(expected, Case.Sensitive);
        }
    }

    [Fact]
    public void Without_the_flag_there_is_no_adult_signature_text()
    {
        var text = LabelPdfProbe.PageTexts(PdfLabel.Render([SampleLabels.Plain()]))[0];

        text.ShouldNotContain("ADULT SIGNATURE");
        text.ShouldNotContain("ALCOHOL");
        text.ShouldContain("USPS GROUND ADVANTAGE", Case.Sensitive);
    }

    [Theory]
    [InlineData("UPS", "UPS Ground", SampleLabels.Ups)]
    [InlineData("FedEx", "FedEx Ground", SampleLabels.FedExGround)]
    [InlineData("USPS", "USPS Ground Advantage", SampleLabels.Usps)]
    public void The_barcode_scans_back_to_the_tracking_number(string carrier, string service, string tracking)
    {
        Assert.SkipWhen(LabelPdfProbe.PdfToPpm is null, "poppler-utils (pdftoppm) is not installed");
        var pdf = PdfLabel.Render([SampleLabels.Plain(Enum.Parse<Carrier>(carrier), service, tracking)]);
        LabelPdfProbe.Keep(pdf, $"label-{carrier.ToUpperInvariant()}.pdf");

        LabelPdfProbe.Barcodes(pdf).ShouldBe([tracking]);
    }

    [Theory]
    [InlineData("UPS", "UPS Ground", SampleLabels.Ups)]
    [InlineData("FedEx", "FedEx Ground", SampleLabels.FedExGround)]
    [InlineData("USPS", "USPS Ground Advantage", SampleLabels.Usps)]
    public void With_an_sscc_both_barcodes_scan_back_and_the_sscc_is_gs1_128(string carrier, string service, string tracking)
    {
        Assert.SkipWhen(LabelPdfProbe.PdfToPpm is null, "poppler-utils (pdftoppm) is not installed");
        var pdf = PdfLabel.Render([SampleLabels.Plain(Enum.Parse<Carrier>(carrier), service, tracking) with { Sscc = SampleLabels.Sscc }]);
        LabelPdfProbe.Keep(pdf, $"label-{carrier.ToUpperInvariant()}-sscc.pdf");

        // The carrier's barcode is untouched; the SSCC carries FNC1 first (GS1-128), then AI 00 and its 18 digits.
        LabelPdfProbe.Barcodes(pdf).ShouldBe([tracking, "00" + SampleLabels.Sscc], ignoreOrder: true);
        LabelPdfProbe.Barcodes(pdf, gs1: true).ShouldContain("]C100" + SampleLabels.Sscc);
        LabelPdfProbe.Barcodes(pdf, gs1: true).ShouldContain(tracking); // no FNC1 in the carrier's
    }

    [Fact]
    public void The_sscc_is_printed_with_its_application_identifier_beside_the_reference()
    {
        var text = LabelPdfProbe.PageTexts(PdfLabel.Render([SampleLabels.Wine() with { Sscc = SampleLabels.Sscc }]))[0];

        text.ShouldContain("(00)006141411234567890", Case.Sensitive);
        text.ShouldContain("REF: ORDER OH-1042", Case.Sensitive);
        text.ShouldContain("SHIPPED WITH ORDERHUB", Case.Sensitive);
    }

    [Fact]
    public void Every_page_of_a_shipment_scans_to_its_own_number()
    {
        Assert.SkipWhen(LabelPdfProbe.PdfToPpm is null, "poppler-utils (pdftoppm) is not installed");
        var pdf = PdfLabel.Render([SampleLabels.Plain(), SampleLabels.Plain() with { PackageNumber = 2, TrackingNumber = "9200191234567800001244" }]);

        LabelPdfProbe.Barcodes(pdf, page: 2).ShouldBe(["9200191234567800001244"]);
    }

    [Fact]
    public void A_long_name_gets_smaller_before_it_is_cut()
    {
        var text = LabelPdfProbe.PageTexts(PdfLabel.Render([SampleLabels.Plain() with { ShipToName = "Maximilian Alexander Featherstonehaugh" }]))[0];

        text.ShouldContain("MAXIMILIAN ALEXANDER FEATHERSTONEHAUGH", Case.Sensitive);
    }

    [Fact]
    public void An_empty_shipment_has_no_pdf() => Should.Throw<ArgumentException>(() => PdfLabel.Render([]));
}
