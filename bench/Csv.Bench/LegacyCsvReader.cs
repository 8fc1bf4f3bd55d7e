using System.Text;
using OrderHub.BuildingBlocks.Csv;

namespace Csv.Bench;

/// <summary>
/// The hand-written reader OrderHub used before Sep (src/BuildingBlocks/.../Csv/CsvReader.cs until issue 20), kept here
/// only so the benchmark can time both in one process. A small RFC 4180 reader: comma-separated fields, optionally enclosed in double quotes; a quoted field may hold
/// commas, line breaks and doubled quotes (<c>""</c>). Lines end with CRLF, LF or CR. A leading BOM and blank lines
/// are skipped; a quote inside an unquoted field is kept as a literal character (lenient, as spreadsheets write it).
/// Records are read one at a time, so a file of any size needs memory for one record only.
/// </summary>
internal static class LegacyCsvReader
{
    internal static IReadOnlyList<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return [.. Read(reader)];
    }

    /// <summary>The records as they are read; a format error is thrown when the enumeration reaches it.</summary>
    internal static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadRecords(reader);
    }

    private static IEnumerable<CsvRecord> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var fieldQuoted = false; // the current field was a quoted one (so even "" makes the record non-blank)
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        int c;
        while ((c = reader.Read()) != -1)
        {
            if (c == '"' && field.Length == 0 && !fieldQuoted)
            {
                line = ReadQuoted(reader, field, line);
                fieldQuoted = true;
                if (reader.Peek() is not (-1 or ',' or '\r' or '\n'))
                {
                    throw new CsvFormatException(line, $"Line {line}: unexpected character after a closing quote.");
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldQuoted = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    if (EndRecord() is { } record)
                    {
                        yield return record;
                    }

                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }

        if (EndRecord() is { } last)
        {
            yield return last;
        }

        CsvRecord? EndRecord()
        {
            if (fields.Count == 0 && field.Length == 0 && !fieldQuoted)
            {
                return null; // blank line
            }

            fields.Add(field.ToString());
            var record = new CsvRecord(recordLine, [.. fields]);
            fields.Clear();
            field.Clear();
            fieldQuoted = false;
            return record;
        }
    }

    /// <summary>Reads a quoted field's content after its opening quote, up to and including the closing one; returns the line it ends on.</summary>
    private static int ReadQuoted(TextReader reader, StringBuilder field, int line)
    {
        var quoteLine = line;
        while (true)
        {
            var q = reader.Read();
            switch (q)
            {
                case -1:
                    throw new CsvFormatException(quoteLine, $"Line {quoteLine}: a quoted field is not closed.");
                case '"' when reader.Peek() == '"':
                    reader.Read();
                    field.Append('"');
                    break;
                case '"':
                    return line;
                case '\r' or '\n':
                    if (q == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    field.Append('\n');
                    line++;
                    break;
                default:
                    field.Append((char)q);
                    break;
            }
        }
    }
}
