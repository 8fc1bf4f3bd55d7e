using nietras.SeparatedValues;

namespace OrderHub.BuildingBlocks.Csv;

/// <summary>One CSV record and the (1-based) physical line it starts on, so a report can point at it.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>The text is not well-formed CSV (e.g. an unterminated quoted field); <see cref="Line"/> is where it went wrong.</summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// RFC 4180 records read with Sep (streaming, a buffer of a few rows whatever the file's size): comma-separated fields,
/// optionally enclosed in double quotes; a quoted field may hold commas, line breaks (read as <c>\n</c>) and doubled
/// quotes. Lines end with CRLF, LF or CR. A leading BOM and blank lines are skipped. Sep splits and counts lines; this
/// adapter adds what Sep leaves lax, only on rows that hold a quote: an unclosed quoted field, text after a closing
/// quote, or a quote inside an unquoted field that swallows a separator or a line break are format errors naming the
/// line (a quote inside an unquoted field that swallows nothing, e.g. <c>12" pizza</c>, is kept as it is).
/// </summary>
public static class CsvReader
{
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return [.. Read(reader)];
    }

    /// <summary>The records as they are read; a format error is thrown when the enumeration reaches it.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadRecords(reader);
    }

    /// <summary>
    /// Checks the whole text without keeping its records: <paramref name="first"/> gets the first record as soon as it
    /// is read (a header check fails before the rest is read); answers how many records follow it, -1 when there is none.
    /// </summary>
    internal static int CheckAndCount(TextReader reader, Action<CsvRecord> first)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(first);
        var following = -1;
        using var sep = Open(reader);
        while (sep.MoveNext())
        {
            var row = sep.Current;
            if (row.Span.Length == 0)
            {
                continue; // blank line
            }

            if (following < 0)
            {
                first(ToRecord(row));
            }
            else if (row.Span.Contains('"'))
            {
                for (var i = 0; i < row.ColCount; i++)
                {
                    CheckQuoting(row, i);
                }
            }

            following++;
        }

        return following;
    }

    private static IEnumerable<CsvRecord> ReadRecords(TextReader reader)
    {
        using var sep = Open(reader);
        while (sep.MoveNext())
        {
            if (sep.Current.Span.Length > 0)
            {
                yield return ToRecord(sep.Current);
            }
        }
    }

    private static SepReader Open(TextReader reader)
    {
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        // Rows may be shorter or longer than the header (the importers report that per row); quotes are checked and
        // removed here. Cells are pooled per column, so a file's repeated values (country, SKU...) share one string.
        return Sep.New(',').Reader(o => o with
        {
            HasHeader = false,
            DisableColCountCheck = true,
            CreateToString = SepToString.PoolPerCol(maximumStringLength: 32),
        }).From(reader);
    }

    private static CsvRecord ToRecord(SepReader.Row row)
    {
        var fields = new string[row.ColCount];
        var quoted = row.Span.Contains('"');
        for (var i = 0; i < fields.Length; i++)
        {
            var raw = row[i].Span;
            if (!quoted || !raw.Contains('"'))
            {
                fields[i] = row[i].ToString();
                continue;
            }

            CheckQuoting(row, i);
            fields[i] = raw[0] == '"' ? Unescape(raw) : raw.ToString();
        }

        return new CsvRecord(Line(row), fields);
    }

    /// <summary>The line a row starts on. Sep 0.18 numbers the first row's lines as the next row's, so row 0 is line 1.</summary>
    private static int Line(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    private static void CheckQuoting(SepReader.Row row, int index)
    {
        var raw = row[index].Span;
        if (raw.IsEmpty || !raw.Contains('"'))
        {
            return;
        }

        if (raw[0] != '"')
        {
            // Sep opens a quoted section at any quote: here it ran over a separator or a line break.
            if (raw.IndexOfAny(',', '\r', '\n') >= 0)
            {
                var line = FieldLine(row, index);
                throw new CsvFormatException(line, $"Line {line}: a quote inside an unquoted field; enclose the field in quotes and double the quote (\"\").");
            }

            return;
        }

        var at = 1;
        while (true)
        {
            var next = raw[at..].IndexOf('"');
            if (next < 0)
            {
                var line = FieldLine(row, index);
                throw new CsvFormatException(line, $"Line {line}: a quoted field is not closed.");
            }

            at += next;
            if (at == raw.Length - 1)
            {
                return;
            }

            if (raw[at + 1] != '"')
            {
                var line = FieldLine(row, index) + LineBreaks(raw[..at]);
                throw new CsvFormatException(line, $"Line {line}: unexpected character after a closing quote.");
            }

            at += 2;
        }
    }

    private static string Unescape(ReadOnlySpan<char> raw)
    {
        var text = raw[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }

    /// <summary>The line a field starts on: the row's, plus the line breaks in the (quoted) fields before it.</summary>
    private static int FieldLine(SepReader.Row row, int index)
    {
        var line = Line(row);
        for (var i = 0; i < index; i++)
        {
            line += LineBreaks(row[i].Span);
        }

        return line;
    }

    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var breaks = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                breaks++;
            }
        }

        return breaks;
    }
}
