using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.TrackingNumbers;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.TrackingNumbers;

/// <summary>Every worked example of carriers.md sections 1 and 2; the expected numbers were computed by hand from the doc.</summary>
public sealed class TrackingNumberExamplesTests
{
    private static readonly ShipperIds Ids = new(UpsAccount: "4A7Y96", FedExGroundShipperId: "1234567", UspsMailerId: "912345678", Gs1CompanyPrefix: "0614141");

    [Fact]
    public void Ups_ground_with_adult_signature_is_the_verified_A8_example()
    {
        // 4 2 7 6 9 6 2 8 0 0 1 2 3 4 5: odd positions 31, even 2 x 28 = 56, 87 -> check 3.
        TrackingNumberFormat.Create(Carrier.UPS, ServiceLevel.Ground, adultSignature: true, 12345, Ids).ShouldBe("1Z4A7Y96A800123453");
    }

    [Fact]
    public void Ups_known_good_number_is_made_from_its_account_and_serial()
    {
        // 5 R(9) 8 9 3 9 0 3 5 7 5 6 7 1 2: odd 35, even 2 x 44 = 88, 123 -> check 7.
        var ids = Ids with { UpsAccount = "5R8939" };
        TrackingNumberFormat.Create(Carrier.UPS, ServiceLevel.Ground, adultSignature: false, 5756712, ids).ShouldBe("1Z5R89390357567127");
    }

    [Theory]
    [InlineData("TwoDay", "1Z4A7Y96020012345?")]
    [InlineData("Overnight", "1Z4A7Y96010012345?")]
    public void Ups_air_services_carry_their_codes(string service, string shape)
    {
        var number = TrackingNumberFormat.Create(Carrier.UPS, Enum.Parse<ServiceLevel>(service), adultSignature: true, 12345, Ids);

        number[..17].ShouldBe(shape[..17]);
        TrackingNumberFormat.IsValid(Carrier.UPS, number).ShouldBeTrue();
    }

    [Theory]
    [InlineData("1Z4A7Y96A800123453")]
    [InlineData("1Z5R89390357567127")]
    public void Ups_verified_examples_validate(string number) => TrackingNumberFormat.IsValid(Carrier.UPS, number).ShouldBeTrue();

    [Theory]
    [InlineData("1Z12345E8791315509")] // UPS's own spec sample computes 4, not 9 (carriers.md)
    [InlineData("1Z4A7Y96A800123454")] // wrong check digit
    [InlineData("1z4A7Y96A800123453")] // lower-case z
    [InlineData("1Z4A7Y96A80012345")] // short
    [InlineData("1Z 4A7 Y96 A8 0012 3453")] // spaced
    [InlineData("1Z4A7Y96A8001234X3")] // letter in the package reference
    [InlineData("")]
    [InlineData(null)]
    public void Ups_rejects(string? number) => TrackingNumberFormat.IsValid(Carrier.UPS, number).ShouldBeFalse();

    [Theory]
    [InlineData(61234567890L, "612345678902")] // 189 mod 11 = 2
    [InlineData(97436766271L, "974367662710")] // 186 mod 11 = 10 -> 0
    public void FedEx_express_examples(long serial, string expected)
    {
        TrackingNumberFormat.Create(Carrier.FedEx, ServiceLevel.TwoDay, adultSignature: false, serial, Ids).ShouldBe(expected);
        TrackingNumberFormat.Create(Carrier.FedEx, ServiceLevel.Overnight, adultSignature: true, serial, Ids).ShouldBe(expected);
        TrackingNumberFormat.IsValid(Carrier.FedEx, expected).ShouldBeTrue();
    }

    [Fact]
    public void FedEx_ground_example_in_its_22_digit_barcode_form_and_15_digit_number()
    {
        // 1234567 0000042: GS1 sum 62 -> 8.
        var number = TrackingNumberFormat.Create(Carrier.FedEx, ServiceLevel.Ground, adultSignature: true, 42, Ids);

        number.ShouldBe("9611020123456700000428");
        TrackingNumberFormat.DisplayForm(Carrier.FedEx, number).ShouldBe("123456700000428");
        TrackingNumberFormat.IsValid(Carrier.FedEx, "9611020123456700000428").ShouldBeTrue();
        TrackingNumberFormat.IsValid(Carrier.FedEx, "123456700000428").ShouldBeTrue();
    }

    [Theory]
    [InlineData("612345678903")]
    [InlineData("123456700000429")]
    [InlineData("9611020123456700000427")]
    [InlineData("9511020123456700000428")] // not 96
    [InlineData("61234567890")]
    [InlineData("6123456789O2")]
    public void FedEx_rejects(string number) => TrackingNumberFormat.IsValid(Carrier.FedEx, number).ShouldBeFalse();

    [Fact]
    public void Usps_impb_example()
    {
        // 92 001 912345678 0000123: GS1 sum 123 -> 7.
        TrackingNumberFormat.Create(Carrier.USPS, ServiceLevel.Ground, adultSignature: false, 123, Ids).ShouldBe("9200191234567800001237");
        TrackingNumberFormat.IsValid(Carrier.USPS, "9200191234567800001237").ShouldBeTrue();
        TrackingNumberFormat.IsValid(Carrier.USPS, "9200191234567800001238").ShouldBeFalse();
        TrackingNumberFormat.IsValid(Carrier.USPS, "920019123456780000123").ShouldBeFalse();
    }

    [Fact]
    public void Usps_with_a_six_digit_mailer_id_uses_channel_93_and_ten_digit_serials()
    {
        // 93 055 123456 0000000042: from the right 2x3 + 4 + eight zeros + 6x3 + 5 + 4x3 + 3 + 2x3 + 1 + 5x3 + 5 + 0x3 + 3 + 9x3 = 105 -> 5.
        var number = TrackingNumberFormat.Create(Carrier.USPS, ServiceLevel.TwoDay, adultSignature: false, 42, Ids with { UspsMailerId = "123456" });

        number.ShouldBe("9305512345600000000425");
    }

    [Theory]
    [InlineData(123456789L, "1234567891")] // 123456789 mod 7 = 1
    [InlineData(331881002L, "3318810025")] // 331881002 mod 7 = 5
    public void Dhl_examples(long serial, string expected)
    {
        TrackingNumberFormat.Create(Carrier.DHL, ServiceLevel.Overnight, adultSignature: false, serial, Ids).ShouldBe(expected);
        TrackingNumberFormat.IsValid(Carrier.DHL, expected).ShouldBeTrue();
        TrackingNumberFormat.IsValid(Carrier.DHL, expected[..9] + "7").ShouldBeFalse();
    }

    [Fact]
    public void Courier_format_is_OHC_ten_digits_and_a_gs1_check()
    {
        // 1234567890: 0x3 + 9 + 8x3 + 7 + 6x3 + 5 + 4x3 + 3 + 2x3 + 1 = 85 -> 5.
        TrackingNumberFormat.Create(Carrier.Courier, ServiceLevel.Ground, adultSignature: true, 1234567890, Ids).ShouldBe("OHC12345678905");
        TrackingNumberFormat.IsValid(Carrier.Courier, "OHC12345678905").ShouldBeTrue();
        TrackingNumberFormat.IsValid(Carrier.Courier, "OHC12345678904").ShouldBeFalse();
        TrackingNumberFormat.IsValid(Carrier.Courier, "ohc12345678905").ShouldBeFalse();
    }

    [Fact]
    public void A_number_of_one_carrier_is_not_valid_for_another()
    {
        TrackingNumberFormat.IsValid(Carrier.FedEx, "1Z4A7Y96A800123453").ShouldBeFalse();
        TrackingNumberFormat.IsValid(Carrier.USPS, "9611020123456700000428").ShouldBeFalse();
        TrackingNumberFormat.IsValid(Carrier.DHL, "612345678902").ShouldBeFalse();
        TrackingNumberFormat.IsValid(Carrier.UPS, "OHC12345678905").ShouldBeFalse();
    }

    [Fact]
    public void Sscc_examples()
    {
        // 0 0614141 123456789: GS1 sum 140 -> 0.
        Sscc.Create(0, "0614141", 123456789).ShouldBe("006141411234567890");
        Sscc.IsValid("(00)006141411234567890").ShouldBeTrue();
        Sscc.HumanReadable("006141411234567890").ShouldBe("(00)006141411234567890");
        Sscc.ZplFieldData("006141411234567890").ShouldBe(">;>800006141411234567890");

        // FedEx spec: 00012345000000002 -> 7.
        Sscc.Create(0, "0012345", 2).ShouldBe("000123450000000027");
        Sscc.IsValid("000123450000000027").ShouldBeTrue();
        Sscc.IsValid("000123450000000028").ShouldBeFalse();
        Sscc.IsValid("00012345000000002").ShouldBeFalse();
    }

    [Fact]
    public void Serials_outside_the_carriers_range_and_bad_ids_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TrackingNumberFormat.Create(Carrier.UPS, ServiceLevel.Ground, false, 10_000_000, Ids));
        Should.Throw<ArgumentOutOfRangeException>(() => TrackingNumberFormat.Create(Carrier.DHL, ServiceLevel.Ground, false, -1, Ids));
        Should.Throw<ArgumentException>(() => TrackingNumberFormat.Create(Carrier.UPS, ServiceLevel.Ground, false, 1, Ids with { UpsAccount = "4a7y96" }))
            .ParamName.ShouldBe("UpsAccount");
        Should.Throw<ArgumentException>(() => Sscc.Create(0, "061414", 1));
    }

    [Theory]
    [InlineData("UPS", "1Z4A7Y96A800123453", "1Z 4A7 Y96 A8 0012 3453")]
    [InlineData("FedEx", "612345678902", "6123 4567 8902")]
    [InlineData("FedEx", "9611020123456700000428", "1234 5670 0000 428")]
    [InlineData("USPS", "9200191234567800001237", "9200 1912 3456 7800 0012 37")]
    [InlineData("DHL", "1234567891", "1234 5678 91")]
    [InlineData("Courier", "OHC12345678905", "OHC 1234 5678 905")]
    public void Spaced_groups_the_printed_number(string carrier, string number, string spaced) =>
        TrackingNumberFormat.Spaced(Enum.Parse<Carrier>(carrier), number).ShouldBe(spaced);

    [Theory]
    [InlineData("UPS", "1Z4A7Y96A800123453", "https://www.ups.com/track?loc=en_US&tracknum=1Z4A7Y96A800123453")]
    [InlineData("FedEx", "9611020123456700000428", "https://www.fedex.com/fedextrack/?trknbr=123456700000428")]
    [InlineData("USPS", "9200191234567800001237", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9200191234567800001237")]
    [InlineData("DHL", "1234567891", "https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567891")]
    public void Tracking_urls_open_the_carriers_public_page(string carrier, string number, string url) =>
        TrackingNumberFormat.TrackingUrl(Enum.Parse<Carrier>(carrier), number)!.AbsoluteUri.ShouldBe(url);

    [Fact]
    public void The_courier_tracking_page_is_ours_when_configured()
    {
        TrackingNumberFormat.TrackingUrl(Carrier.Courier, "OHC12345678905").ShouldBeNull();
        TrackingNumberFormat.TrackingUrl(Carrier.Courier, "OHC12345678905", new Uri("https://shop.example/track/"))!.AbsoluteUri
            .ShouldBe("https://shop.example/track/OHC12345678905");
    }
}
