using System.Text;

namespace OrderHub.BuildingBlocks.Csv;

/// <summary>One CSV record and the (1-based) physical line it starts on, so a report can point at it.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>The text is not well-formed CSV (e.g. an unterminated quoted field); <see cref="Line"/> is where it went wrong.</summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, optionally enclosed in double quotes; a quoted field may hold
/// commas, line breaks and doubled quotes (<c>""</c>). Lines end with CRLF, LF or CR. A leading BOM and blank lines
/// are skipped; a quote inside an unquoted field is kept as a literal character (lenient, as spreadsheets write it).
/// </summary>
public static class CsvReader
{
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var recordLine = 1;
        var fieldQuoted = false; // the current field was a quoted one (so even "" makes the record non-blank)

        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '"' && field.Length == 0 && !fieldQuoted)
            {
                var quoteLine = line;
                pos++;
                while (true)
                {
                    if (pos >= text.Length)
                    {
                        throw new CsvFormatException(quoteLine, $"Line {quoteLine}: a quoted field is not closed.");
                    }

                    var q = text[pos];
                    if (q == '"')
                    {
                        if (pos + 1 < text.Length && text[pos + 1] == '"')
                        {
                            field.Append('"');
                            pos += 2;
                            continue;
                        }

                        pos++;
                        break;
                    }

                    if (q == '\r' || q == '\n')
                    {
                        pos += q == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                        field.Append('\n');
                        line++;
                        continue;
                    }

                    field.Append(q);
                    pos++;
                }

                fieldQuoted = true;
                if (pos < text.Length && text[pos] is not (',' or '\r' or '\n'))
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
                    pos++;
                    break;
                case '\r' or '\n':
                    EndRecord();
                    pos += c == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    pos++;
                    break;
            }
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (fields.Count == 0 && field.Length == 0 && !fieldQuoted)
            {
                return; // blank line
            }

            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, [.. fields]));
            fields.Clear();
            field.Clear();
            fieldQuoted = false;
        }
    }
}
