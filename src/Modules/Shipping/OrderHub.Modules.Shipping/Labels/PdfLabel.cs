using System.Collections.Concurrent;
using OrderHub.BuildingBlocks.Documents;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OrderHub.Modules.Shipping.Labels;

/// <summary>
/// The labels as a PDF: one 4x6 inch page (288 x 432 pt) per package, the zones and wording of <see cref="ZplLabel"/>,
/// the tracking number as a Code 128 barcode from ZXing (<see cref="Code128Bars"/>). Standard-14 Helvetica, so names are
/// printed in ASCII (<see cref="PdfText.Ascii"/>: accents dropped). The carton's SSCC-18 is a GS1-128 symbol (Code 128
/// with FNC1 first) drawn the same way.
/// </summary>
internal static class PdfLabel
{
    public const double PageWidth = 288;
    public const double PageHeight = 432;
    private const double Margin = 11;
    private const double Right = PageWidth - Margin;
    private const double Inner = PageWidth - (2 * Margin);

    /// <summary>ZXing's Code 128 writer reads this character as FNC1: first, it makes the symbol GS1-128.</summary>
    private const char Gs1Fnc1 = '\u00f1';

    /// <summary>The SSCC barcode: 156 modules of 0.9 pt (140 pt wide), left edge 15 pt (16 modules of quiet zone) from the page's.</summary>
    private const double SsccModule = 0.9;
    private const double SsccX = 15;

    /// <summary>Advance widths at size 1 per (character, bold): Standard-14 metrics never change, so measure each once.</summary>
    private static readonly ConcurrentDictionary<(char Ch, bool Bold), double> Advances = new();

    public static byte[] Render(IReadOnlyList<LabelContent> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw new ArgumentException("A label PDF has at least one package.", nameof(labels));
        }

        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = PdfText.Ascii($"Shipping labels {labels[0].Reference}");
        builder.DocumentInformation.Producer = "OrderHub";
        var fonts = new Fonts(builder.AddStandard14Font(Standard14Font.Helvetica), builder.AddStandard14Font(Standard14Font.HelveticaBold));
        foreach (var label in labels)
        {
            Page(new Canvas(builder.AddPage(PageWidth, PageHeight), fonts), label);
        }

        return builder.Build();
    }

    private static void Page(Canvas c, LabelContent label)
    {
        // Ship-from, with weight / n OF m / date at the right.
        var from = label.FromLines();
        var y = 20.0;
        for (var i = 0; i < from.Count && i < 5; i++)
        {
            c.Text(from[i], Margin, y, i == 0 ? 8.5 : 7.5, 170, bold: i == 0);
            y += i == 0 ? 10.5 : 9;
        }

        c.TextRight(label.WeightText, Right, 20, 9, bold: true);
        c.TextRight(label.PackageOf, Right, 38, 15, bold: true);
        c.TextRight(label.ShipDateText, Right, 52, 7.5);
        c.Rule(63, 1.5);

        // Ship-to, large.
        c.Text("SHIP TO:", Margin, 75, 7.5, Inner, bold: true);
        var to = label.ToLines();
        y = 92;
        for (var i = 0; i < to.Count && i < 6; i++)
        {
            var size = i == 0 ? 15 : i == to.Count - 1 ? 15 : 13;
            c.TextShrunk(to[i], Margin + 10, y, size, Inner - 10, bold: i == 0 || i == to.Count - 1);
            y += size + 4;
        }

        c.Rule(173, 1.5);

        // Adult signature band, white on black, and the alcohol wording.
        if (label.AdultSignatureRequired)
        {
            c.Black(Margin, 179, Inner, 24);
            c.TextCentred(LabelContent.AdultSignatureText, 196, 14, bold: true, white: true);
        }

        if (label.ContainsAlcohol)
        {
            c.TextCentred(LabelContent.AlcoholText, 215, 8, bold: true);
        }

        c.Rule(224, 1.5);

        // Service and tracking number.
        c.TextShrunk(label.ServiceName.ToUpperInvariant(), Margin, 247, 20, Inner, bold: true);
        c.TextShrunk(label.TrackingText, Margin, 264, 11, Inner, bold: true);
        c.Rule(273, 0.75);

        // Full-width Code 128, centred with quiet zones of 10 modules, at most 1.5 pt a module.
        var pattern = Code128Bars.Encode(label.TrackingNumber);
        var module = Math.Min(1.5, PageWidth / (pattern.Modules + (2 * Code128Bars.QuietZoneModules) + 4));
        var width = pattern.Modules * module;
        Code128Bars.Draw(c.Page, pattern, (PageWidth - width) / 2, PageHeight - 344, width, 66);
        c.TextCentred(label.TrackingNumber, 354, 9);
        c.Rule(360, 1.5);

        // Carton zone: the SSCC-18 as GS1-128 (ZXing's FNC1 escape, then AI 00 and the digits, all code set C) with its
        // "(00)..." text at the left; the reference and billing lines at the right (full width without an SSCC).
        var footer = Margin;
        if (label.Sscc is { } sscc)
        {
            var gs1 = Code128Bars.Encode(Gs1Fnc1 + "00" + sscc);
            var ssccWidth = gs1.Modules * SsccModule;
            Code128Bars.Draw(c.Page, gs1, SsccX, PageHeight - 404, ssccWidth, 38);
            c.Text(label.SsccText!, SsccX, 415, 8, ssccWidth + 20);
            footer = SsccX + ssccWidth + 20;
        }

        c.TextShrunk("REF: " + label.Reference, footer, 376, 10, Right - footer, bold: true);
        c.Text("BILLING: P/P", footer, 392, 7, Right - footer);
        c.Text("SHIPPED WITH ORDERHUB", footer, 403, 7, Right - footer);
    }

    private sealed record Fonts(PdfDocumentBuilder.AddedFont Regular, PdfDocumentBuilder.AddedFont Bold);

    /// <summary>Drawing in points from the top of the page (<c>y</c> is a baseline or a top edge), as the layout reads.</summary>
    private sealed class Canvas(PdfPageBuilder page, Fonts fonts)
    {
        public PdfPageBuilder Page => page;

        public void Text(string text, double x, double baseline, double size, double maxWidth, bool bold = false, bool white = false)
        {
            var clean = Fit(PdfText.Ascii(text), size, maxWidth, bold);
            if (clean.Length == 0)
            {
                return;
            }

            if (white)
            {
                page.SetTextAndFillColor(255, 255, 255);
            }

            page.AddText(clean, size, new PdfPoint(x, PageHeight - baseline), bold ? fonts.Bold : fonts.Regular);
            if (white)
            {
                page.ResetColor();
            }
        }

        /// <summary>Text at <paramref name="size"/>, or smaller (down to 60%) when it would not fit.</summary>
        public void TextShrunk(string text, double x, double baseline, double size, double maxWidth, bool bold = false)
        {
            var width = Measure(PdfText.Ascii(text), size, bold);
            var fitted = width <= maxWidth ? size : Math.Max(size * 0.6, size * maxWidth / width);
            Text(text, x, baseline, fitted, maxWidth, bold);
        }

        public void TextRight(string text, double right, double baseline, double size, bool bold = false)
        {
            var clean = PdfText.Ascii(text);
            Text(clean, right - Measure(clean, size, bold), baseline, size, Inner, bold);
        }

        public void TextCentred(string text, double baseline, double size, bool bold = false, bool white = false)
        {
            var clean = Fit(PdfText.Ascii(text), size, Inner, bold);
            Text(clean, (PageWidth - Measure(clean, size, bold)) / 2, baseline, size, Inner, bold, white);
        }

        public void Rule(double y, double thickness) =>
            page.DrawLine(new PdfPoint(Margin - 4, PageHeight - y), new PdfPoint(Right + 4, PageHeight - y), thickness);

        /// <summary>A black box, its top edge at <paramref name="top"/>.</summary>
        public void Black(double x, double top, double width, double height)
        {
            page.SetStrokeColor(0, 0, 0);
            page.SetTextAndFillColor(0, 0, 0);
            page.DrawRectangle(new PdfPoint(x, PageHeight - top - height), width, height, 0.5, fill: true);
            page.ResetColor();
        }

        private string Fit(string text, double size, double maxWidth, bool bold)
        {
            if (Measure(text, size, bold) <= maxWidth)
            {
                return text;
            }

            var length = text.Length;
            while (length > 0 && Measure(string.Concat(text.AsSpan(0, length), "..."), size, bold) > maxWidth)
            {
                length--;
            }

            return string.Concat(text.AsSpan(0, length).TrimEnd(), "...");
        }

        private double Measure(string text, double size, bool bold)
        {
            var width = 0.0;
            foreach (var ch in text)
            {
                width += Advances.GetOrAdd((ch, bold), key =>
                {
                    var letters = page.MeasureText(key.Ch.ToString(), 1000, new PdfPoint(0, 0), key.Bold ? fonts.Bold : fonts.Regular);
                    return letters.Count == 0 ? 0 : (letters[0].EndBaseLine.X - letters[0].StartBaseLine.X) / 1000;
                });
            }

            return width * size;
        }
    }
}
