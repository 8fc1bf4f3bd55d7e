using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace OrderHub.BuildingBlocks.Csv;

/// <summary>
/// A CSV file whose first record names the columns (matched case-insensitively), read through <see cref="CsvReader"/>
/// (Sep). <see cref="Open"/> reads the whole file once to check it, keeping no row, and refuses, as a 400 problem (a
/// <see cref="ValidationException"/> keyed <c>file</c>), a file with no header, an unknown or repeated column, a required
/// column missing from the header, or broken quoting, before any row is applied; <see cref="Rows"/> then reads the file
/// again, a row at a time (rows are checked one by one by the importer), so a file of any size is imported in the memory
/// of one row.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly Func<TextReader> _open;

    private CsvTable(IReadOnlyList<string> header, int rowCount, Func<TextReader> open)
    {
        Header = header;
        RowCount = rowCount;
        _open = open;
        _columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows in the file (blank lines not counted), known before the first is applied: for progress.</summary>
    public int RowCount { get; }

    /// <summary>The data rows in file order, read from the file as they are enumerated (each enumeration reads it again).</summary>
    public IEnumerable<CsvRow> Rows
    {
        get
        {
            using var reader = _open();
            foreach (var record in CsvReader.Read(reader).Skip(1))
            {
                yield return new CsvRow(this, record.Line, record.Fields);
            }
        }
    }

    /// <summary>A table over text already in memory (small inputs, tests).</summary>
    public static CsvTable Read(string text, IReadOnlyCollection<string> knownColumns, IReadOnlyCollection<string> requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Open(() => new StringReader(text), knownColumns, requiredColumns);
    }

    /// <summary>Checks the file <paramref name="open"/> reads (header and well-formed quoting throughout) and counts its rows.</summary>
    public static CsvTable Open(Func<TextReader> open, IReadOnlyCollection<string> knownColumns, IReadOnlyCollection<string> requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(knownColumns);
        ArgumentNullException.ThrowIfNull(requiredColumns);
        IReadOnlyList<string>? header = null;
        int rows;
        try
        {
            using var reader = open();
            rows = CsvReader.CheckAndCount(reader, first =>
            {
                header = [.. first.Fields.Select(f => f.Trim())];
                CheckHeader(header, knownColumns, requiredColumns);
            });
        }
        catch (CsvFormatException ex)
        {
            throw FileProblem(ex.Message);
        }

        return header is null
            ? throw FileProblem($"The file is empty: the first line must name the columns ({string.Join(",", knownColumns)}).")
            : new CsvTable(header, rows, open);
    }

    private static void CheckHeader(IReadOnlyList<string> header, IReadOnlyCollection<string> knownColumns, IReadOnlyCollection<string> requiredColumns)
    {
        var problems = new List<string>();
        var unknown = header.Where(h => !knownColumns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count == header.Count)
        {
            throw FileProblem($"The first line must name the columns ({string.Join(",", knownColumns)}); found no known column.");
        }

        problems.AddRange(unknown.Select(u => $"Unknown column '{u}'. Known columns: {string.Join(",", knownColumns)}."));
        problems.AddRange(header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"Column '{g.Key}' appears more than once."));
        problems.AddRange(requiredColumns.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).Select(r => $"Required column '{r}' is missing."));
        if (problems.Count > 0)
        {
            throw new ValidationException(problems.Select(p => new ValidationFailure("file", p)));
        }
    }

    internal int? IndexOf(string column) => _columns.TryGetValue(column, out var index) ? index : null;

    internal static ValidationException FileProblem(string message) => new([new ValidationFailure("file", message)]);
}

/// <summary>One data row; <see cref="Line"/> is the physical line it starts on (the header is line 1).</summary>
public sealed class CsvRow
{
    private readonly CsvTable _table;
    private readonly IReadOnlyList<string> _fields;

    internal CsvRow(CsvTable table, int line, IReadOnlyList<string> fields)
    {
        _table = table;
        Line = line;
        _fields = fields;
    }

    public int Line { get; }

    /// <summary>The row has as many fields as the header (a short or long row is usually a quoting mistake).</summary>
    public bool HasHeaderWidth => _fields.Count == _table.Header.Count;

    public int FieldCount => _fields.Count;

    /// <summary>A new error list for this row, holding the width problem when the row is shorter or longer than the header.</summary>
    public List<CsvCellError> NewErrorList() =>
        HasHeaderWidth ? [] : [new CsvCellError(null, $"The row has {FieldCount} field(s); the header names {_table.Header.Count}.")];

    /// <summary>The trimmed value, or null when the column is absent or the cell is empty.</summary>
    public string? this[string column]
    {
        get
        {
            var index = _table.IndexOf(column);
            if (index is null || index.Value >= _fields.Count)
            {
                return null;
            }

            var value = _fields[index.Value].Trim();
            return value.Length == 0 ? null : value;
        }
    }

    /// <summary>The cell as text; an empty required cell adds an error.</summary>
    public string? Text(string column, ICollection<CsvCellError> errors, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var value = this[column];
        if (value is null && required)
        {
            errors.Add(new CsvCellError(column, $"'{column}' is required."));
        }

        return value;
    }

    /// <summary>A whole number (invariant culture); a malformed cell or an empty required one adds an error.</summary>
    public int? WholeNumber(string column, ICollection<CsvCellError> errors, bool required = false) =>
        Parse<int>(column, errors, required, "a whole number", v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null);

    /// <summary>A decimal number with a '.' separator.</summary>
    public decimal? Number(string column, ICollection<CsvCellError> errors, bool required = false) =>
        Parse<decimal>(column, errors, required, "a number such as 12.50", v => decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null);

    /// <summary>true/false, yes/no or 1/0.</summary>
    public bool? Flag(string column, ICollection<CsvCellError> errors, bool required = false) =>
        Parse<bool>(column, errors, required, "true or false", v => v.ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "Y" or "1" => true,
            "FALSE" or "NO" or "N" or "0" => false,
            _ => (bool?)null,
        });

    /// <summary>An ISO date (yyyy-MM-dd).</summary>
    public DateOnly? Date(string column, ICollection<CsvCellError> errors, bool required = false) =>
        Parse<DateOnly>(column, errors, required, "a date as yyyy-MM-dd", v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null);

    private T? Parse<T>(string column, ICollection<CsvCellError> errors, bool required, string expected, Func<string, T?> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(errors);
        var value = this[column];
        if (value is null)
        {
            if (required)
            {
                errors.Add(new CsvCellError(column, $"'{column}' is required."));
            }

            return null;
        }

        var parsed = parse(value);
        if (parsed is null)
        {
            errors.Add(new CsvCellError(column, $"'{value}' is not {expected}."));
        }

        return parsed;
    }
}

/// <summary>What is wrong with a row: the column (null for the whole row), the message, and the business rule when one refused it.</summary>
public sealed record CsvCellError(string? Column, string Message, string? Rule = null);
