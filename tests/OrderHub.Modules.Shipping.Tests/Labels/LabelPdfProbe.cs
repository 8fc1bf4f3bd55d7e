using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.OneD;

namespace OrderHub.Modules.Shipping.Tests.Labels;

/// <summary>
/// Reads rendered documents back: the text with PdfPig, and the barcodes by rasterising a page with poppler's pdftoppm
/// (300 dpi, gray; the approach of the Fulfillment tests' PdfProbe) and decoding every barcode-like stretch of the page with ZXing's Code 128 reader.
/// Set ORDERHUB_KEEP_PDFS to a folder to keep the PDFs the tests make (to look at them).
/// </summary>
internal static class LabelPdfProbe
{
    /// <summary>The widest space inside a label's barcode: 4 modules of at most 1.5 pt at 300 dpi is 25 px.</summary>
    private const int MaxGap = 40;

    public static string? PdfToPpm { get; } = Find("pdftoppm");

    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
    }

    public static void Keep(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("ORDERHUB_KEEP_PDFS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), pdf);
        }
    }

    /// <summary>
    /// Every Code 128 value found on a page (1-based), decoded from its 300 dpi gray raster. With <paramref name="gs1"/>,
    /// a symbol that starts with FNC1 (GS1-128) reads as "]C1" followed by its element strings.
    /// </summary>
    public static IReadOnlySet<string> Barcodes(byte[] pdf, int page = 1, bool gs1 = false)
    {
        var (gray, width, height) = Rasterise(pdf, page);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Code128Reader();
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false, [DecodeHintType.TRY_HARDER] = true };
        if (gs1)
        {
            hints[DecodeHintType.ASSUME_GS1] = true; // ZXing reads the hint's presence, not its value
        }

        for (var y = 4; y < height - 4; y += 6)
        {
            foreach (var (x0, x1) in BarcodeLikeStretches(gray, width, y))
            {
                // A strip around the stretch with a quiet zone.
                var left = Math.Max(0, x0 - 60);
                var right = Math.Min(width, x1 + 60);
                var top = Math.Max(0, y - 4);
                var bottom = Math.Min(height, y + 5);
                var w = right - left;
                var h = bottom - top;
                var strip = new byte[w * h];
                for (var row = 0; row < h; row++)
                {
                    Array.Copy(gray, ((top + row) * width) + left, strip, row * w, w);
                }

                var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(strip, w, h, RGBLuminanceSource.BitmapFormat.Gray8)));
                try
                {
                    if (reader.decode(bitmap, hints) is { } result)
                    {
                        found.Add(result.Text);
                    }
                }
                catch (ReaderException)
                {
                    // Not a barcode (text, a rule): keep scanning.
                }
            }
        }

        return found;
    }

    /// <summary>Runs of dark pixels on a row with gaps under <see cref="MaxGap"/> px and at least 20 bars: candidates for a barcode.</summary>
    private static IEnumerable<(int X0, int X1)> BarcodeLikeStretches(byte[] gray, int width, int y)
    {
        var offset = y * width;
        var start = -1;
        var lastDark = -100;
        var bars = 0;
        var wasDark = false;
        for (var x = 0; x <= width; x++)
        {
            var dark = x < width && gray[offset + x] < 128;
            if (dark)
            {
                if (start < 0 || x - lastDark > MaxGap)
                {
                    if (start >= 0 && bars >= 20)
                    {
                        yield return (start, lastDark);
                    }

                    start = x;
                    bars = 0;
                }

                if (!wasDark)
                {
                    bars++;
                }

                lastDark = x;
            }

            wasDark = dark;
        }

        if (start >= 0 && bars >= 20)
        {
            yield return (start, lastDark);
        }
    }

    private static (byte[] Gray, int Width, int Height) Rasterise(byte[] pdf, int page)
    {
        var folder = Directory.CreateTempSubdirectory("orderhub-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "doc.pdf");
            File.WriteAllBytes(input, pdf);
            var output = Path.Combine(folder.FullName, "page");
            var info = new ProcessStartInfo(PdfToPpm ?? "pdftoppm") { RedirectStandardError = true };
            foreach (var arg in new[] { "-r", "300", "-gray", "-f", $"{page}", "-l", $"{page}", "-singlefile", input, output })
            {
                info.ArgumentList.Add(arg);
            }

            using (var process = Process.Start(info)!)
            {
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"pdftoppm failed ({process.ExitCode}): {error}");
                }
            }

            return ReadPgm(File.ReadAllBytes(output + ".pgm"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A binary PGM (P5, 8-bit): "P5", width, height, max value, one whitespace, then the pixels.</summary>
    internal static (byte[] Gray, int Width, int Height) ReadPgm(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (true)
            {
                while (char.IsWhiteSpace((char)file[position]))
                {
                    position++;
                }

                if (file[position] != '#')
                {
                    break;
                }

                while (file[position] != '\n')
                {
                    position++;
                }
            }

            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            return Encoding.ASCII.GetString(file, start, position - start);
        }

        if (Token() != "P5")
        {
            throw new InvalidDataException("Not a binary PGM (P5).");
        }

        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        if (Token() != "255")
        {
            throw new InvalidDataException("Only 8-bit PGM is read.");
        }

        position++;
        return (file.AsSpan(position, width * height).ToArray(), width, height);
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
