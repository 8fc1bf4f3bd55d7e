using System.Text.RegularExpressions;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Labels;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Labels;

public sealed partial class ZplLabelTests
{
    [Fact]
    public void A_label_is_one_4x6_format_at_203_dpi_in_utf8()
    {
        var zpl = ZplLabel.Render(SampleLabels.Wine());

        zpl.ShouldStartWith("^XA");
        zpl.TrimEnd().ShouldEndWith("^XZ");
        Regex.Count(zpl, @"\^XA").ShouldBe(1);
        zpl.ShouldContain("^PW812", Case.Sensitive);
        zpl.ShouldContain("^LL1218", Case.Sensitive);
        zpl.ShouldContain("^CI28", Case.Sensitive);
    }

    [Theory]
    [InlineData("UPS", SampleLabels.Ups)]
    [InlineData("FedEx", SampleLabels.FedExGround)]
    [InlineData("USPS", SampleLabels.Usps)]
    public void The_tracking_number_is_the_data_of_a_code_128_field_at_module_3(string carrier, string tracking)
    {
        var zpl = ZplLabel.Render(SampleLabels.Plain(Enum.Parse<Carrier>(carrier), "Ground", tracking));

        var barcode = BarcodeField().Match(zpl);
        barcode.Success.ShouldBeTrue(zpl);
        barcode.Groups["module"].Value.ShouldBe("3");
        barcode.Groups["data"].Value.ShouldBe(tracking);
    }

    [Fact]
    public void The_zones_are_there_top_down()
    {
        var zpl = ZplLabel.Render(SampleLabels.Wine());

        var order = new[]
        {
            "Domaine Rosé Cellars", "19.3 LB (8.75 KG)", "1 OF 2", "SHIP DATE: 05 DEC 2026", "SHIP TO:", "JANE Q. CUSTOMER",
            "455 MARKET STREET", "SUITE 1200", "SAN FRANCISCO, CA 94105", "ADULT SIGNATURE REQUIRED", "UPS GROUND",
            "TRACKING #: 1Z 4A7 Y96 A8 0012 3453", "^BC", "REF: ORDER OH-1042",
        };
        var at = order.Select(text => zpl.IndexOf(text, StringComparison.Ordinal)).ToList();
        at.ShouldAllBe(i => i >= 0);
        at.ShouldBe(at.Order().ToList());
        FieldOrigins(zpl).ShouldAllBe(o => o.X >= 0 && o.X < 812 && o.Y >= 0 && o.Y < 1218);
    }

    [Fact]
    public void The_sscc_is_a_gs1_128_field_with_its_text_below_the_tracking_barcode_and_clear_of_the_reference()
    {
        var zpl = ZplLabel.Render(SampleLabels.Wine() with { Sscc = SampleLabels.Sscc });

        var sscc = SsccField().Match(zpl);
        sscc.Success.ShouldBeTrue(zpl);
        sscc.Groups["data"].Value.ShouldBe(">;>800" + SampleLabels.Sscc); // Start C, FNC1, AI 00, the 18 digits
        zpl.ShouldContain("^FH^FD(00)006141411234567890^FS", Case.Sensitive);
        BarcodeField().Match(zpl).Groups["data"].Value.ShouldBe(SampleLabels.Ups);

        // Boxes in dots: the SSCC bars (156 modules at 2 dots, 104 high) and its text sit under the tracking number's
        // text and left of the reference and billing lines.
        var trackingText = Origin(zpl, "^FD" + SampleLabels.Ups + "^FS");
        var bars = (X: int.Parse(sscc.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture), Y: int.Parse(sscc.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var text = Origin(zpl, "^FD(00)");
        var reference = Origin(zpl, "^FDREF: ");
        var billing = Origin(zpl, "^FDSHIPPED WITH ORDERHUB");
        bars.Y.ShouldBeGreaterThan(trackingText.Y + 28);
        text.Y.ShouldBeGreaterThanOrEqualTo(bars.Y + 104);
        text.Y.ShouldBeLessThan(1218 - 24);
        reference.X.ShouldBeGreaterThanOrEqualTo(bars.X + (156 * 2) + 20); // the quiet zone stays clear
        reference.Y.ShouldBeGreaterThan(trackingText.Y + 28);
        billing.Y.ShouldBeLessThan(1218 - 22);
    }

    [Fact]
    public void Without_an_sscc_there_is_no_gs1_barcode_and_the_reference_takes_the_width()
    {
        var zpl = ZplLabel.Render(SampleLabels.Wine());

        SsccField().IsMatch(zpl).ShouldBeFalse();
        zpl.ShouldNotContain("(00)");
        Origin(zpl, "^FDREF: ").X.ShouldBe(30);
    }

    [Fact]
    public void A_wrong_sscc_is_refused() =>
        Should.Throw<ArgumentException>(() => ZplLabel.Render(SampleLabels.Wine() with { Sscc = "006141411234567891" }));

    [Fact]
    public void Alcohol_adds_the_adult_signature_band_and_the_wording()
    {
        var zpl = ZplLabel.Render(SampleLabels.Wine());

        zpl.ShouldContain("^FDADULT SIGNATURE REQUIRED^FS", Case.Sensitive);
        zpl.ShouldContain("^FDCONTAINS ALCOHOL - ADULT SIGNATURE (21+) REQUIRED^FS", Case.Sensitive);
        zpl.ShouldContain("^FR", Case.Sensitive); // reversed out of a black box
    }

    [Fact]
    public void Adult_signature_without_alcohol_prints_only_the_signature_mark()
    {
        var zpl = ZplLabel.Render(SampleLabels.Plain() with { AdultSignature = true });

        zpl.ShouldContain("ADULT SIGNATURE REQUIRED", Case.Sensitive);
        zpl.ShouldNotContain("CONTAINS ALCOHOL");
    }

    [Fact]
    public void Without_the_flag_there_is_no_adult_signature_text()
    {
        var zpl = ZplLabel.Render(SampleLabels.Plain());

        zpl.ShouldNotContain("ADULT SIGNATURE");
        zpl.ShouldNotContain("ALCOHOL");
    }

    [Fact]
    public void Carets_tildes_underscores_and_backslashes_in_data_are_hex_escaped_under_FH()
    {
        var label = SampleLabels.Plain() with
        {
            ShipToName = "A^B~C_D\\E",
            Reference = "^XZ~JR",
            ShipTo = SampleLabels.Plain().ShipTo with { Line1 = "1 Main St\n^XA" },
        };

        var zpl = ZplLabel.Render(label);

        zpl.ShouldContain("^FH^FDA_5EB_7EC_5FD_5CE^FS", Case.Sensitive);
        zpl.ShouldContain("^FH^FDREF: _5EXZ_7EJR^FS", Case.Sensitive);
        zpl.ShouldContain("^FH^FD1 MAIN ST_5EXA^FS", Case.Sensitive);
        Regex.Count(zpl, @"\^XA").ShouldBe(1);
        Regex.Count(zpl, @"\^XZ").ShouldBe(1);
        Regex.Count(zpl, "~").ShouldBe(0);
        foreach (Match field in Regex.Matches(zpl, @"\^FD(?<data>[^\^]*)\^FS"))
        {
            var start = field.Index;
            var isBarcode = zpl.LastIndexOf("^BC", start, StringComparison.Ordinal) > zpl.LastIndexOf("^FO", start, StringComparison.Ordinal);
            if (!isBarcode)
            {
                zpl.Substring(start - 3, 3).ShouldBe("^FH", $"field {field.Value} is not under ^FH");
            }
        }
    }

    [Fact]
    public void A_long_name_is_cut_to_the_label_width()
    {
        var zpl = ZplLabel.Render(SampleLabels.Plain() with { ShipToName = new string('W', 80) });

        zpl.ShouldContain("...^FS", Case.Sensitive);
        zpl.ShouldNotContain(new string('W', 40));
    }

    [Fact]
    public void A_long_tracking_text_and_a_long_name_get_smaller_before_they_are_cut()
    {
        var zpl = ZplLabel.Render(SampleLabels.Plain() with { ShipToName = "Maximilian Alexander Featherstonehaugh" });

        zpl.ShouldContain("^FH^FDTRACKING #: 9200 1912 3456 7800 0012 37^FS", Case.Sensitive);
        zpl.ShouldContain("^FH^FDMAXIMILIAN ALEXANDER FEATHERSTONEHAUGH^FS", Case.Sensitive);
    }

    [Fact]
    public void A_tracking_number_with_a_command_character_is_refused() =>
        Should.Throw<ArgumentException>(() => ZplLabel.Render(SampleLabels.Plain() with { TrackingNumber = "1Z^XZ" }));

    [Fact]
    public void A_shipment_renders_one_format_per_package()
    {
        var zpl = ZplLabel.Render([SampleLabels.Wine(), SampleLabels.Wine() with { PackageNumber = 2, TrackingNumber = "1Z4A7Y96A800123462" }]);

        Regex.Count(zpl, @"\^XA").ShouldBe(2);
        zpl.ShouldContain("2 OF 2", Case.Sensitive);
    }

    private static IEnumerable<(int X, int Y)> FieldOrigins(string zpl) =>
        Regex.Matches(zpl, @"\^FO(?<x>\d+),(?<y>\d+)").Select(m => (int.Parse(m.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The origin of the field whose data starts with <paramref name="data"/> (the last <c>^FO</c> before it).</summary>
    private static (int X, int Y) Origin(string zpl, string data)
    {
        var at = zpl.IndexOf(data, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, data);
        var origin = Regex.Match(zpl[zpl.LastIndexOf("^FO", at, StringComparison.Ordinal)..], @"^\^FO(?<x>\d+),(?<y>\d+)");
        return (int.Parse(origin.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(origin.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\^BY(?<module>\d+)[^\^]*\^BCN,\d+,N,N,N,A\^FD(?<data>[^\^]*)\^FS")]
    private static partial Regex BarcodeField();

    /// <summary>A Code 128 field in mode N (subset invocation codes in the data), as GS1-128 needs for its FNC1.</summary>
    [GeneratedRegex(@"\^FO(?<x>\d+),(?<y>\d+)\^BY2,3,104\^BCN,104,N,N,N,N\^FD(?<data>[^\^]*)\^FS")]
    private static partial Regex SsccField();
}
