using System.Globalization;
using OrderHub.BuildingBlocks.Documents;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OrderHub.Modules.Fulfillment.Documents;

/// <summary>Paper the documents print on, portrait.</summary>
internal enum Paper
{
    Letter,
    A4,
}

/// <summary>
/// The few drawing moves the fulfillment documents share, over PdfPig with Standard-14 Helvetica (no font files, as the
/// Compliance document does). Coordinates are PDF points from the lower-left corner; <see cref="Y"/> is a cursor that
/// moves down the page. Text is reduced to ASCII (accents dropped: "Rosé" prints "Rose"), since the Standard-14 fonts
/// carry no Unicode.
/// </summary>
internal sealed class DocumentCanvas : IDisposable
{
    public const double Margin = 36;

    private readonly PdfDocumentBuilder _builder = new();
    private readonly List<PdfPageBuilder> _pages = [];
    private readonly PageSize _size;
    private readonly Dictionary<char, double> _regularWidths = [];
    private readonly Dictionary<char, double> _boldWidths = [];

    public DocumentCanvas(Paper paper, string title)
    {
        _size = paper == Paper.A4 ? PageSize.A4 : PageSize.Letter;
        _builder.DocumentInformation.Title = Clean(title);
        _builder.DocumentInformation.Producer = "OrderHub";
        Regular = _builder.AddStandard14Font(Standard14Font.Helvetica);
        Bold = _builder.AddStandard14Font(Standard14Font.HelveticaBold);
        NewPage();
        Width = Page.PageSize.Width;
        Height = Page.PageSize.Height;
        Y = Height - Margin;
    }

    public PdfDocumentBuilder.AddedFont Regular { get; }

    public PdfDocumentBuilder.AddedFont Bold { get; }

    public PdfPageBuilder Page { get; private set; } = null!;

    public IReadOnlyList<PdfPageBuilder> Pages => _pages;

    public double Width { get; }

    public double Height { get; }

    public static double Left => Margin;

    public double Right => Width - Margin;

    /// <summary>The cursor: the top of what is drawn next.</summary>
    public double Y { get; set; }

    /// <summary>The lowest a line may go above the footer.</summary>
    public static double Floor => Margin + 24;

    public void NewPage()
    {
        Page = _builder.AddPage(_size);
        _pages.Add(Page);
        Y = Page.PageSize.Height - Margin;
    }

    /// <summary>Starts a new page when fewer than <paramref name="height"/> points are left; true when it did.</summary>
    public bool EnsureSpace(double height)
    {
        if (Y - height >= Floor)
        {
            return false;
        }

        NewPage();
        return true;
    }

    public void Text(string text, double x, double baseline, double size, bool bold = false, byte gray = 0)
    {
        var clean = Clean(text);
        if (clean.Length == 0)
        {
            return;
        }

        if (gray != 0)
        {
            Page.SetTextAndFillColor(gray, gray, gray);
        }

        Page.AddText(clean, size, new PdfPoint(x, baseline), bold ? Bold : Regular);
        if (gray != 0)
        {
            Page.ResetColor();
        }
    }

    /// <summary>Text cut with "..." to fit <paramref name="maxWidth"/>.</summary>
    public void TextFit(string text, double x, double baseline, double size, double maxWidth, bool bold = false, byte gray = 0) =>
        Text(Fit(text, size, maxWidth, bold), x, baseline, size, bold, gray);

    public void TextRight(string text, double right, double baseline, double size, bool bold = false, byte gray = 0) =>
        Text(text, right - Measure(text, size, bold), baseline, size, bold, gray);

    /// <summary>The advance width of <paramref name="text"/> in points (no kerning, as PdfPig writes none).</summary>
    public double Measure(string text, double size, bool bold = false)
    {
        var clean = Clean(text);
        var width = 0.0;
        foreach (var ch in clean)
        {
            width += Advance(ch, bold);
        }

        return width * size;
    }

    public string Fit(string text, double size, double maxWidth, bool bold = false)
    {
        var clean = Clean(text);
        if (Measure(clean, size, bold) <= maxWidth)
        {
            return clean;
        }

        var room = (maxWidth / size) - (3 * Advance('.', bold));
        var used = 0.0;
        var length = 0;
        while (length < clean.Length && used + Advance(clean[length], bold) <= room)
        {
            used += Advance(clean[length], bold);
            length++;
        }

        return length == 0 ? string.Empty : clean[..length].TrimEnd() + "...";
    }

    /// <summary>A filled rectangle in a shade of gray (255 white), with no outline.</summary>
    public void Shade(double x, double y, double width, double height, byte gray)
    {
        Page.SetStrokeColor(gray, gray, gray);
        Page.SetTextAndFillColor(gray, gray, gray);
        Page.DrawRectangle(new PdfPoint(x, y), width, height, 0.5, fill: true);
        Page.ResetColor();
    }

    public void Box(double x, double y, double width, double height, double line = 0.75) =>
        Page.DrawRectangle(new PdfPoint(x, y), width, height, line);

    public void Rule(double y, double line = 0.5, byte gray = 0, double? from = null, double? to = null)
    {
        if (gray != 0)
        {
            Page.SetStrokeColor(gray, gray, gray);
        }

        Page.DrawLine(new PdfPoint(from ?? Left, y), new PdfPoint(to ?? Right, y), line);
        if (gray != 0)
        {
            Page.ResetColor();
        }
    }

    /// <summary>A Code 128 barcode at most <paramref name="module"/> points a module, narrowed to fit <paramref name="maxWidth"/>.</summary>
    public double Barcode(string value, double x, double y, double height, double module, double maxWidth)
    {
        var pattern = Code128Bars.Encode(value);
        var width = Math.Min(pattern.Modules * module, maxWidth);
        Code128Bars.Draw(Page, pattern, x, y, width, height);
        return width;
    }

    /// <summary>
    /// The advance of one character at size 1, measured once through PdfPig and remembered: measuring whole strings
    /// through PdfPig for every cell made a 5,000-item pick list spend seconds and gigabytes on layout alone.
    /// </summary>
    private double Advance(char ch, bool bold)
    {
        var widths = bold ? _boldWidths : _regularWidths;
        if (!widths.TryGetValue(ch, out var width))
        {
            var letters = Page.MeasureText(ch.ToString(), 1000, new PdfPoint(0, 0), bold ? Bold : Regular);
            width = letters.Count == 0 ? 0 : (letters[0].EndBaseLine.X - letters[0].StartBaseLine.X) / 1000;
            widths.Add(ch, width);
        }

        return width;
    }

    /// <summary>"Page i of n" and a left note on every page; called once all pages exist.</summary>
    public void Footers(string note)
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            page.SetStrokeColor(170, 170, 170);
            page.DrawLine(new PdfPoint(Left, Margin + 12), new PdfPoint(Right, Margin + 12), 0.5);
            page.ResetColor();
            page.SetTextAndFillColor(90, 90, 90);
            page.AddText(Clean(note), 7, new PdfPoint(Left, Margin), Regular);
            var number = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {_pages.Count}");
            page.AddText(number, 7, new PdfPoint(Right - Measure(number, 7), Margin), Regular);
            page.ResetColor();
        }
    }

    public byte[] Build() => _builder.Build();

    public void Dispose() => _builder.Dispose();

    /// <summary>Printable ASCII only (<see cref="PdfText.Ascii"/>): the Standard-14 fonts carry no Unicode.</summary>
    public static string Clean(string? text) => PdfText.Ascii(text);
}

/// <summary>A postal address as printed on documents.</summary>
internal sealed record AddressView(string Name, string Line1, string? Line2, string City, string Region, string PostalCode, string Country = "US", string? Phone = null)
{
    public IEnumerable<string> Lines()
    {
        yield return Name;
        foreach (var line in new[] { Line1, Line2 }.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            yield return line!;
        }

        var place = $"{Region} {PostalCode}".Trim(); // what is known of it: a location may be kept as its postal code only
        yield return string.IsNullOrWhiteSpace(City) ? place : $"{City}, {place}";
        if (Country != "US")
        {
            yield return Country;
        }

        if (!string.IsNullOrWhiteSpace(Phone))
        {
            yield return $"Tel. {Phone}";
        }
    }
}
