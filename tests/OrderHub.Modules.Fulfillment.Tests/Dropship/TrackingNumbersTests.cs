using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Dropship;

/// <summary>The worked examples of carriers.md §1, and what a typo does to each.</summary>
public sealed class TrackingNumbersTests
{
    [Theory]
    [InlineData("UPS", "1Z4A7Y96A800123453")] // 1Z 4A7Y96 A8 0012345 -> check 3
    [InlineData("UPS", "1Z5R89390357567127")] // known good
    [InlineData("ups", "1z 4a7y96 a8 0012345 3")] // spaces and case as typed
    [InlineData("FedEx", "612345678902")] // Express: 189 mod 11 = 2
    [InlineData("FedEx", "974367662710")] // Express: remainder 10 counts as 0
    [InlineData("FedEx", "123456700000428")] // Ground 15: 62 -> 8
    [InlineData("FedEx", "9611020123456700000428")] // Ground 96 barcode: the check covers the last 14 data digits
    [InlineData("USPS", "9200191234567800001237")] // IMpb: 123 -> 7
    [InlineData("USPS", "420972019200191234567800001237")] // IMpb after 420+ZIP5
    [InlineData("DHL", "1234567891")] // 123456789 mod 7 = 1
    [InlineData("DHL", "3318810025")] // known good
    public void Valid_numbers_of_each_carrier_pass(string carrier, string number) =>
        TrackingNumbers.Check(carrier, number).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("UPS", "1Z4A7Y96A800123454")] // wrong check digit
    [InlineData("UPS", "1Z12345E8791315509")] // UPS's own spec sample computes 4, not 9: refused (carriers.md)
    [InlineData("UPS", "1Z4A7Y96A80012345")] // 17 characters
    [InlineData("UPS", "2Z4A7Y96A800123453")] // not 1Z
    [InlineData("FedEx", "612345678903")]
    [InlineData("FedEx", "123456700000429")]
    [InlineData("FedEx", "9711020123456700000428")] // a 22-digit FedEx barcode starts 96
    [InlineData("FedEx", "1Z4A7Y96A800123453")] // a UPS number given as FedEx
    [InlineData("USPS", "9200191234567800001238")]
    [InlineData("USPS", "9100191234567800001237")] // channel 91 is not an IMpb channel
    [InlineData("DHL", "1234567892")]
    public void A_typo_or_another_carriers_number_is_refused_naming_it(string carrier, string number)
    {
        var check = TrackingNumbers.Check(carrier, number);

        check.IsValid.ShouldBeFalse();
        check.Problem!.ShouldContain(number);
        check.Problem!.ShouldContain(check.Carrier);
    }

    [Fact]
    public void The_carrier_is_named_as_shipping_names_it_and_the_number_loses_its_spaces()
    {
        var check = TrackingNumbers.Check(" fedex ", "6123 4567 8902");

        (check.Carrier, check.TrackingNumber, check.IsValid).ShouldBe(("FedEx", "612345678902", true));
    }

    [Fact]
    public void Another_carriers_reference_is_taken_as_given_but_never_empty()
    {
        TrackingNumbers.Check("GSO", "ref 778-12").ShouldBe(new TrackingNumberCheck("GSO", "REF778-12", null));
        TrackingNumbers.Check("GSO", "   ").IsValid.ShouldBeFalse();
    }
}
