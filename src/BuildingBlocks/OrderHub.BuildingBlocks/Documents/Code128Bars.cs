using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using ZXing;
using ZXing.OneD;

namespace OrderHub.BuildingBlocks.Documents;

/// <summary>One dark bar of a Code 128 symbol: where it starts and how wide it is, in modules.</summary>
public readonly record struct BarRun(int Start, int Width);

/// <summary>A Code 128 symbol as bars, without quiet zones: <see cref="Modules"/> wide, the bars left to right.</summary>
public sealed record Code128Pattern(string Text, int Modules, IReadOnlyList<BarRun> Bars);

/// <summary>
/// Code 128 bars from ZXing's <see cref="Code128Writer"/> (it chooses code sets A/B/C and the check symbol), drawn on a
/// PdfPig page. Each bar is painted as a rectangle by a butt-capped stroke exactly the bar's width: PdfPig's filled
/// rectangle also strokes its outline, which would widen every bar by the line width and eat the spaces.
/// </summary>
public static class Code128Bars
{
    /// <summary>The clear space a scanner needs on each side of the bars, in modules (ISO/IEC 15417: 10X).</summary>
    public const int QuietZoneModules = 10;

    private static readonly Dictionary<EncodeHintType, object> NoMargin = new() { [EncodeHintType.MARGIN] = 0 };

    public static Code128Pattern Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var matrix = new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 1, NoMargin);
        var bars = new List<BarRun>();
        var start = -1;
        for (var x = 0; x <= matrix.Width; x++)
        {
            var dark = x < matrix.Width && matrix[x, 0];
            if (dark && start < 0)
            {
                start = x;
            }
            else if (!dark && start >= 0)
            {
                bars.Add(new BarRun(start, x - start));
                start = -1;
            }
        }

        return new Code128Pattern(text, matrix.Width, bars);
    }

    /// <summary>
    /// Draws <paramref name="text"/>'s bars in the box whose lower-left corner is (<paramref name="x"/>, <paramref name="y"/>),
    /// stretched to <paramref name="width"/> points; leave <see cref="QuietZoneModules"/> modules clear on each side.
    /// Returns the module width used.
    /// </summary>
    public static double Draw(PdfPageBuilder page, string text, double x, double y, double width, double height) =>
        Draw(page, Encode(text), x, y, width, height);

    /// <summary>Draws an encoded pattern (see the overload taking text).</summary>
    public static double Draw(PdfPageBuilder page, Code128Pattern pattern, double x, double y, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(pattern);
        var module = width / pattern.Modules;
        foreach (var bar in pattern.Bars)
        {
            var barWidth = bar.Width * module;
            var centre = x + (bar.Start * module) + (barWidth / 2);
            page.DrawLine(new PdfPoint(centre, y), new PdfPoint(centre, y + height), barWidth);
        }

        return module;
    }

    /// <summary>The width of <paramref name="text"/>'s bars at <paramref name="module"/> points a module.</summary>
    public static double WidthAt(string text, double module) => Encode(text).Modules * module;
}
