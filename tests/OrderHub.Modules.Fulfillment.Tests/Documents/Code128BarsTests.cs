using OrderHub.BuildingBlocks.Documents;
using Shouldly;
using ZXing.Common;
using ZXing.OneD;

namespace OrderHub.Modules.Fulfillment.Tests.Documents;

public sealed class Code128BarsTests
{
    [Theory]
    [InlineData("OH-42")]
    [InlineData("PL-1042/7")]
    [InlineData("1Z999AA10123456784")]
    [InlineData("CAB-NAPA-2021-750|L2304")]
    public void The_bars_decode_back_to_their_text(string text)
    {
        var pattern = Code128Bars.Encode(text);

        // The bars as a scan line with quiet zones, straight into ZXing's row decoder: no PDF, no raster.
        var row = new BitArray(pattern.Modules + (2 * Code128Bars.QuietZoneModules));
        foreach (var bar in pattern.Bars)
        {
            row.setRange(Code128Bars.QuietZoneModules + bar.Start, Code128Bars.QuietZoneModules + bar.Start + bar.Width);
        }

        new Code128Reader().decodeRow(0, row, null).Text.ShouldBe(text);
    }

    [Fact]
    public void OH_42_is_the_worked_example_of_the_toolchain_notes()
    {
        // Start B, 47 40 13 20 18, check 28, stop: 90 modules starting 11010010000 (TOOLCHAIN.md section 3).
        var pattern = Code128Bars.Encode("OH-42");

        pattern.Modules.ShouldBe(90);
        pattern.Bars.Take(3).ShouldBe([new BarRun(0, 2), new BarRun(3, 1), new BarRun(6, 1)]);
    }
}
