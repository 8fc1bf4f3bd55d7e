using System.Text;

namespace OrderHub.BuildingBlocks.Documents;

/// <summary>
/// Text for PDFs written with PdfPig's Standard-14 fonts, which carry no Unicode: printable ASCII only, accents dropped
/// ("Rosé" prints "Rose"), for every PDF OrderHub writes (Fulfillment's documents, Shipping's labels and manifests).
/// </summary>
public static class PdfText
{
    // Latin-1 letters folded by table: string.Normalize cannot decompose under InvariantGlobalization.
    private const string Accented = "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D8\u00D9\u00DA\u00DB\u00DC\u00DD"
        + "\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u00FF";

    private const string Plain = "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyy";

    /// <summary>Printable ASCII only: accents dropped, dashes and quotes simplified, anything else '?'.</summary>
    public static string Ascii(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var folded = Accented.IndexOf(ch, StringComparison.Ordinal);
            sb.Append(ch is >= ' ' and <= '~' ? ch : folded >= 0 ? Plain[folded] : ch switch
            {
                '\u2013' or '\u2014' => '-',
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u00D7' => 'x',
                _ => char.IsWhiteSpace(ch) ? ' ' : '?',
            });
        }

        return sb.ToString();
    }
}
