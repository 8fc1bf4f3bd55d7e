using System.Diagnostics;
using System.Globalization;
using System.Text;
using Csv.Bench;
using nietras.SeparatedValues;
using OrderHub.BuildingBlocks.Csv;

// Times the CSV side of an order import, no database: a 100,000-row orders file (the OrderImportTests header, one
// order a row, every tenth address quoted with a comma), read from a temporary file as an upload is. Each run reads
// it with every reader in turn (same process, interleaved, so a busy machine slows all alike); the best run counts.
//   records: every record with all its fields as strings (the pre-Sep reader, the Sep adapter, raw Sep with and
//            without the adapter's per-column string pool);
//   import:  what an order import does before placing: CsvUpload.ReadTable (check pass: header, quoting, row count)
//            then every row's 16 cells looked up by name and trimmed (CsvRow), rows held as OrderCsvImport groups them.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
string[] columns =
[
    "externalReference", "email", "firstName", "lastName", "dateOfBirth", "phone",
    "line1", "line2", "city", "region", "postalCode", "country", "shippingService", "sku", "quantity", "paymentToken",
];
string[] required = ["externalReference", "email", "firstName", "lastName", "line1", "city", "region", "postalCode", "country", "sku", "quantity"];

var csv = new StringBuilder(string.Join(",", columns)).Append("\r\n");
for (var i = 0; i < rows; i++)
{
    var line1 = i % 10 == 0 ? $"\"{i} Main St, Apt {i % 7}\"" : $"{i} Main St";
    csv.Append(CultureInfo.InvariantCulture, $"B-{i:D7},buyer{i}@example.com,Ada,Lovelace{i},1985-12-10,,{line1},,Springfield,OR,97201,US,Ground,CAB-2019-750,{1 + (i % 3)},tok_visa\r\n");
}

var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
using var upload = await CsvUpload.FromStreamAsync(new MemoryStream(bytes), CancellationToken.None);
Console.WriteLine($"{rows:N0} rows, {bytes.Length / 1_048_576.0:N1} MiB, {runs} runs, best (and median) in ms; {Environment.ProcessorCount} cores, load {LoadAverage()}");

var cases = new (string Name, Func<long> Run)[]
{
    ("records: pre-Sep reader", () => LegacyCsvReader.Read(upload.OpenText()).Sum(r => (long)r.Fields.Count)),
    ("records: Sep adapter (CsvReader)", () => CsvReader.Read(upload.OpenText()).Sum(r => (long)r.Fields.Count)),
    ("records: raw Sep, SepToString.Direct", () => RawSep(SepToString.Direct)),
    ("records: raw Sep, PoolPerCol(32)", () => RawSep(SepToString.PoolPerCol(maximumStringLength: 32))),
    ("import: check pass (ReadTable)", () => upload.ReadTable(columns, required).RowCount),
    ("import: check + rows held + 16 cells by name", ImportPass),
};
var times = cases.Select(_ => new List<double>()).ToArray();
for (var run = 0; run < runs; run++)
{
    for (var c = 0; c < cases.Length; c++)
    {
        GC.Collect();
        var started = Stopwatch.GetTimestamp();
        var count = cases[c].Run();
        times[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (count <= 0)
        {
            throw new InvalidOperationException(cases[c].Name);
        }
    }
}

for (var c = 0; c < cases.Length; c++)
{
    var sorted = times[c].Order().ToList();
    Console.WriteLine($"{cases[c].Name,-48} best {sorted[0],7:N0}  median {sorted[sorted.Count / 2],7:N0}");
}

Console.WriteLine($"load after: {LoadAverage()}");

long RawSep(SepCreateToString toString)
{
    using var text = upload.OpenText();
    using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, CreateToString = toString }).From(text);
    long fields = 0;
    foreach (var row in reader)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            fields += row[i].ToString().Length >= 0 ? 1 : 0;
        }
    }

    return fields;
}

long ImportPass()
{
    var table = upload.ReadTable(columns, required);
    var held = new List<CsvRow>(table.RowCount);
    long cells = 0;
    foreach (var row in table.Rows)
    {
        held.Add(row);
        foreach (var column in columns)
        {
            cells += row[column] is null ? 0 : 1;
        }
    }

    return cells + held.Count;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
