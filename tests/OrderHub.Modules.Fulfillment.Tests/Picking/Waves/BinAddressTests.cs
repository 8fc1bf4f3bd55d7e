using OrderHub.Modules.Fulfillment.Picking.Waves;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Picking.Waves;

public sealed class BinAddressTests
{
    [Fact]
    public void A_bin_code_reads_as_aisle_bay_level()
    {
        var bin = BinAddress.Of("b-12-3");

        bin.IsParsed.ShouldBeTrue();
        (bin.Aisle, bin.Bay, bin.Level).ShouldBe(("B", 12, 3));
        bin.Code.ShouldBe("b-12-3");
    }

    [Theory]
    [InlineData("BACK")]
    [InlineData("FLOOR")]
    [InlineData("A-01")]
    [InlineData("A-x-1")]
    [InlineData("")]
    public void Odd_codes_do_not_parse(string code) => BinAddress.Of(code).IsParsed.ShouldBeFalse();

    [Fact]
    public void Bins_walk_by_aisle_then_bay_numerically_then_level_and_odd_bins_last_by_code()
    {
        string[] codes = ["FLOOR", "B-2-1", "A-10-1", "AA-01-1", "A-02-2", "BACK", "A-2-1", "Z-01-1", "3-01-1", "12-01-1", "A-01-3"];

        var walked = codes.Select(BinAddress.Of).Order().Select(b => b.Code);

        walked.ShouldBe(["3-01-1", "12-01-1", "A-01-3", "A-2-1", "A-02-2", "A-10-1", "B-2-1", "Z-01-1", "AA-01-1", "BACK", "FLOOR"]);
    }
}
