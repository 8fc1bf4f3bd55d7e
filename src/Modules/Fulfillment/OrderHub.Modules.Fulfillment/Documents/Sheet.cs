using OrderHub.BuildingBlocks.Documents;

namespace OrderHub.Modules.Fulfillment.Documents;

/// <summary>Blocks the packing slip and the purchase order share: title with barcode, address boxes, notice, table.</summary>
internal static class Sheet
{
    /// <summary>A small gray kind ("PACKING SLIP"), a big title, fact lines, and a Code 128 of <paramref name="barcode"/> at the right.</summary>
    public static void Title(DocumentCanvas c, string kind, string title, string barcode, IReadOnlyList<string> facts)
    {
        var top = c.Y;
        c.Text(kind, DocumentCanvas.Left, top - 9, 8, bold: true, gray: 110);
        c.Text(title, DocumentCanvas.Left, top - 31, 20, bold: true);
        var y = top - 47;
        foreach (var fact in facts)
        {
            c.Text(fact, DocumentCanvas.Left, y, 10);
            y -= 13;
        }

        const double BarHeight = 36;
        var width = Math.Min(Code128Bars.WidthAt(barcode, 1.2), 220);
        var x = c.Right - width;
        c.Barcode(barcode, x, top - 8 - BarHeight, BarHeight, 1.2, width);
        c.Text(barcode, x + ((width - c.Measure(barcode, 8)) / 2), top - 8 - BarHeight - 10, 8);
        c.Y = Math.Min(y, top - 62) - 4;
        c.Rule(c.Y, 1.2);
        c.Y -= 12;
    }

    /// <summary>Addresses side by side, each under a small heading.</summary>
    public static void Addresses(DocumentCanvas c, IReadOnlyList<(string Heading, AddressView Address)> blocks)
    {
        var width = (c.Right - DocumentCanvas.Left) / blocks.Count;
        var lowest = c.Y;
        for (var i = 0; i < blocks.Count; i++)
        {
            var x = DocumentCanvas.Left + (i * width);
            var y = c.Y - 9;
            c.Text(blocks[i].Heading, x, y, 7.5, bold: true, gray: 110);
            y -= 14;
            var first = true;
            foreach (var line in blocks[i].Address.Lines())
            {
                c.TextFit(line, x, y, first ? 10.5 : 10, width - 12, bold: first);
                y -= 13;
                first = false;
            }

            lowest = Math.Min(lowest, y);
        }

        c.Y = lowest - 4;
    }

    /// <summary>A boxed notice: a bold line and a smaller explanation.</summary>
    public static void Notice(DocumentCanvas c, string headline, string detail)
    {
        c.EnsureSpace(44);
        var width = c.Right - DocumentCanvas.Left;
        c.Shade(DocumentCanvas.Left, c.Y - 36, width, 36, 235);
        c.Box(DocumentCanvas.Left, c.Y - 36, width, 36, 1.5);
        c.Text(headline, DocumentCanvas.Left + 10, c.Y - 15, 11, bold: true);
        c.TextFit(detail, DocumentCanvas.Left + 10, c.Y - 28, 8.5, width - 20);
        c.Y -= 48;
    }

    /// <summary>
    /// A table: columns at offsets from the left margin (right-aligned ones end at their offset), a shaded head,
    /// rows with hairlines, the head repeated on a new page.
    /// </summary>
    public static void Table(DocumentCanvas c, IReadOnlyList<(string Heading, double At, bool Right)> columns, IEnumerable<string[]> rows)
    {
        const double Head = 15;
        const double Row = 16;
        var width = c.Right - DocumentCanvas.Left;

        void DrawHead()
        {
            c.Shade(DocumentCanvas.Left, c.Y - Head, width, Head, 225);
            foreach (var (heading, at, right) in columns)
            {
                if (right)
                {
                    c.TextRight(heading, DocumentCanvas.Left + at, c.Y - 10.5, 7.5, bold: true);
                }
                else
                {
                    c.Text(heading, DocumentCanvas.Left + at + 4, c.Y - 10.5, 7.5, bold: true);
                }
            }

            c.Y -= Head;
        }

        c.EnsureSpace(Head + Row);
        DrawHead();
        foreach (var cells in rows)
        {
            if (c.EnsureSpace(Row))
            {
                DrawHead();
            }

            for (var i = 0; i < columns.Count; i++)
            {
                var (_, at, right) = columns[i];
                if (right)
                {
                    c.TextRight(cells[i], DocumentCanvas.Left + at, c.Y - 11.5, 9);
                }
                else
                {
                    var next = i + 1 < columns.Count ? columns[i + 1] : default;
                    var room = i + 1 < columns.Count ? (next.Right ? next.At - 40 : next.At) - at - 8 : width - at - 8;
                    c.TextFit(cells[i], DocumentCanvas.Left + at + 4, c.Y - 11.5, 9, room, bold: i == 0);
                }
            }

            c.Y -= Row;
            c.Rule(c.Y, 0.3, gray: 200);
        }
    }
}
