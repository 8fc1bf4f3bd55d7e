using System.Globalization;
using System.Text;
using OrderHub.BuildingBlocks.Documents;

namespace OrderHub.Modules.Shipping.Labels;

/// <summary>
/// A 4x6 inch ZPL II label at 203 dpi (812 x 1218 dots) with the zones of carriers.md section 4, top down: ship-from
/// with weight, "n OF m" and date at the right; the large ship-to; the adult-signature band (and alcohol wording);
/// the service name and the spaced tracking number; a full-width Code 128 of the tracking number; the carton zone (the
/// SSCC-18 as GS1-128 with its "(00)" text, the reference and billing lines).
/// Field data is UTF-8 (<c>^CI28</c>) and always goes through <c>^FH</c>, so <c>^</c>, <c>~</c>, <c>_</c> and <c>\</c>
/// in names travel as <c>_5E</c>, <c>_7E</c>, <c>_5F</c>, <c>_5C</c> instead of being read as commands.
/// The routing band (MaxiCode, GS1-128 <c>420</c>+ZIP, PDF417) is the carrier's own and is left out.
/// </summary>
internal static class ZplLabel
{
    public const int Width = 812;
    public const int Height = 1218;
    private const int Margin = 30;
    private const int Inner = Width - (2 * Margin);

    /// <summary>Left edge of the SSCC barcode: 20 dots of quiet zone (10 modules) and more from the label's edge.</summary>
    private const int SsccX = 40;

    /// <summary>One <c>^XA...^XZ</c> label.</summary>
    public static string Render(LabelContent label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var z = new StringBuilder(2048);
        z.Append("^XA\n^PW812\n^LL1218\n^LH0,0\n^CI28\n");

        // Ship-from, with weight / n OF m / date at the right.
        var from = label.FromLines();
        var y = 28;
        for (var i = 0; i < from.Count && i < 5; i++)
        {
            Text(z, Margin, y, 400, i == 0 ? 28 : 24, from[i]);
            y += i == 0 ? 32 : 27;
        }

        TextRight(z, 340, 28, 30, label.WeightText);
        TextRight(z, 340, 66, 44, label.PackageOf);
        TextRight(z, 340, 122, 24, label.ShipDateText);
        Line(z, 178, 4);

        // Ship-to, large.
        Text(z, Margin, 194, 300, 24, "SHIP TO:");
        var to = label.ToLines();
        y = 228;
        for (var i = 0; i < to.Count && i < 6; i++)
        {
            var size = Shrunk(to[i], Inner - 30, i == 0 ? 48 : i == to.Count - 1 ? 44 : 42, 30);
            Text(z, Margin + 30, y, Inner - 30, size, to[i]);
            y += size + 10;
        }

        Line(z, 490, 4);

        // Adult signature band, reversed out of black, and the alcohol wording.
        if (label.AdultSignatureRequired)
        {
            z.Append(Invariant($"^FO{Margin},506^GB{Inner},72,72^FS\n"));
            z.Append(Invariant($"^FO{Margin},522^FR^FB{Inner},1,0,C^A0N,48,48^FH^FD{Escape(LabelContent.AdultSignatureText)}^FS\n"));
        }

        if (label.ContainsAlcohol)
        {
            z.Append(Invariant($"^FO{Margin},592^FB{Inner},1,0,C^A0N,28,26^FH^FD{Escape(LabelContent.AlcoholText)}^FS\n"));
        }

        Line(z, 632, 4);

        // Service and tracking number.
        var service = label.ServiceName.ToUpperInvariant();
        Text(z, Margin, 650, Inner, Shrunk(service, Inner, 64, 40), service);
        Text(z, Margin, 726, Inner, Shrunk(label.TrackingText, Inner, 34, 26), label.TrackingText);
        Line(z, 774, 2);

        // Full-width Code 128 (automatic code sets; the printer adds the mod-103 check), centred with its quiet zones.
        var modules = Code128Bars.Encode(label.TrackingNumber).Modules;
        var module = (modules + (2 * Code128Bars.QuietZoneModules)) * 3 <= Width ? 3 : 2;
        var x = Math.Max(0, (Width - (modules * module)) / 2);
        z.Append(Invariant($"^FO{x},792^BY{module},3,200^BCN,200,N,N,N,A^FD{BarcodeData(label.TrackingNumber)}^FS\n"));
        z.Append(Invariant($"^FO0,1000^FB{Width},1,0,C^A0N,28,28^FH^FD{Escape(label.TrackingNumber)}^FS\n"));
        Line(z, 1036, 3);

        // Carton zone: the SSCC-18 as GS1-128 (Start C, FNC1, AI 00, 18 digits: 156 modules at 2 dots) and "(00)..." under
        // it at the left; the reference and billing lines at the right (full width without an SSCC).
        var footer = Margin;
        if (label.Sscc is { } sscc)
        {
            if (!TrackingNumbers.Sscc.IsValid(sscc) || sscc.Length != TrackingNumbers.Sscc.Length)
            {
                throw new ArgumentException($"'{sscc}' is not an SSCC-18 with a valid check digit.", nameof(label));
            }

            z.Append(Invariant($"^FO{SsccX},1050^BY2,3,104^BCN,104,N,N,N,N^FD{TrackingNumbers.Sscc.ZplFieldData(sscc)}^FS\n"));
            Text(z, SsccX, 1164, 340, 24, label.SsccText!);
            footer = SsccX + 312 + 48;
        }

        Text(z, footer, 1058, Width - Margin - footer, 30, "REF: " + label.Reference);
        Text(z, footer, 1104, Width - Margin - footer, 22, "BILLING: P/P");
        Text(z, footer, 1134, Width - Margin - footer, 22, "SHIPPED WITH ORDERHUB");
        z.Append("^XZ\n");
        return z.ToString();
    }

    /// <summary>All labels of a shipment, one after the other (what <c>label.zpl</c> serves).</summary>
    public static string Render(IEnumerable<LabelContent> labels) => string.Concat(labels.Select(Render));

    /// <summary>
    /// Field data safe after <c>^FH</c>: <c>^</c> <c>~</c> <c>_</c> <c>\</c> as hex, control characters dropped
    /// (a line break in an address must not end the field).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '^': sb.Append("_5E"); break;
                case '~': sb.Append("_7E"); break;
                case '_': sb.Append("_5F"); break;
                case '\\': sb.Append("_5C"); break;
                case < ' ': break;
                default: sb.Append(ch); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A tracking number is digits and capitals; anything else would break the barcode field, so it is refused.</summary>
    private static string BarcodeData(string trackingNumber)
    {
        foreach (var ch in trackingNumber)
        {
            if (ch is not (>= '0' and <= '9' or >= 'A' and <= 'Z'))
            {
                throw new ArgumentException($"A tracking number holds digits and capitals only, not '{ch}'.", nameof(trackingNumber));
            }
        }

        return trackingNumber;
    }

    /// <summary>One line of font 0, cut to fit <paramref name="width"/> dots (a field block of one line would overprint).</summary>
    private static void Text(StringBuilder z, int x, int y, int width, int height, string text) =>
        z.Append(Invariant($"^FO{x},{y}^A0N,{height},{height}^FH^FD{Escape(Fit(text, width, height))}^FS\n"));

    /// <summary>Right-aligned at the right margin in a block <paramref name="width"/> dots wide.</summary>
    private static void TextRight(StringBuilder z, int width, int y, int height, string text) =>
        z.Append(Invariant($"^FO{Width - Margin - width},{y}^FB{width},1,0,R^A0N,{height},{height}^FH^FD{Escape(Fit(text, width, height))}^FS\n"));

    private static void Line(StringBuilder z, int y, int thickness) => z.Append(Invariant($"^FO{Margin - 10},{y}^GB{Inner + 20},{thickness},{thickness}^FS\n"));

    /// <summary>The height (at most <paramref name="max"/>, at least <paramref name="min"/>) at which the text fits the width.</summary>
    private static int Shrunk(string text, int width, int max, int min) =>
        Math.Clamp((int)(width / (0.6 * Math.Max(1, text.Length))), min, max);

    /// <summary>
    /// Font 0 is proportional; 0.6 x height per character is a safe upper bound for capitals and digits, so a text
    /// longer than that is cut with "...".
    /// </summary>
    private static string Fit(string text, int width, int height)
    {
        var max = (int)(width / (0.6 * height));
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(0, max - 3)).TrimEnd(), "...");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
