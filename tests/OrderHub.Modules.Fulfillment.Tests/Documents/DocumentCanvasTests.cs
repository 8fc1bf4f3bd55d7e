using OrderHub.Modules.Fulfillment.Documents;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Documents;

public sealed class DocumentCanvasTests
{
    [Theory]
    [InlineData("Rosé of Pinot Noir", "Rose of Pinot Noir")]
    [InlineData("Côtes du Rhône – Château Neuf", "Cotes du Rhone - Chateau Neuf")]
    [InlineData("Grüner Veltliner “Reserve”", "Gruner Veltliner \"Reserve\"")]
    [InlineData("日本酒", "???")]
    public void Text_is_reduced_to_what_the_standard_fonts_print(string text, string printed) => DocumentCanvas.Clean(text).ShouldBe(printed);
}
