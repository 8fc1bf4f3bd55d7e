using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrderHub.BuildingBlocks.Csv;

// Times the CSV side of an order import: the check pass (CsvUpload.ReadTable: header, quoting, row count) and the
// row pass (every row read and each of its 16 cells looked up by name, as OrderCsvImport does before placing).
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
string[] columns =
[
    "externalReference", "email", "firstName", "lastName", "dateOfBirth", "phone",
    "line1", "line2", "city", "region", "postalCode", "country", "shippingService", "sku", "quantity", "paymentToken",
];
string[] required = ["externalReference", "email", "firstName", "lastName", "line1", "city", "region", "postalCode", "country", "sku", "quantity"];

var path = Path.Combine(Path.GetTempPath(), $"orderhub-bench-orders-{rows}.csv");
var csv = new StringBuilder(string.Join(",", columns)).Append("\r\n");
for (var i = 0; i < rows; i++)
{
    var line1 = i % 10 == 0 ? $"\"{i} Main St, Apt {i % 7}\"" : $"{i} Main St";
    csv.Append(CultureInfo.InvariantCulture, $"B-{i:D7},buyer{i}@example.com,Ada,Lovelace{i},1985-12-10,,{line1},,Springfield,OR,97201,US,Ground,CAB-2019-750,{1 + (i % 3)},tok_visa\r\n");
}

await File.WriteAllTextAsync(path, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
var bytes = await File.ReadAllBytesAsync(path);
Console.WriteLine($"{rows:N0} rows, {bytes.Length / 1_048_576.0:N1} MiB, {runs} runs (the first warms up)");
for (var run = 0; run < runs; run++)
{
    using var upload = await CsvUpload.FromStreamAsync(new MemoryStream(bytes), CancellationToken.None);
    var total = Stopwatch.StartNew();
    var table = upload.ReadTable(columns, required);
    var check = total.Elapsed;
    long cells = 0;
    foreach (var row in table.Rows)
    {
        foreach (var column in columns)
        {
            if (row[column] is not null)
            {
                cells++;
            }
        }
    }

    var read = total.Elapsed - check;
    Console.WriteLine($"run {run}: check pass {check.TotalMilliseconds:N0} ms ({table.RowCount:N0} rows), row pass {read.TotalMilliseconds:N0} ms ({cells:N0} cells), total {total.Elapsed.TotalMilliseconds:N0} ms, {GC.CollectionCount(0)} gen0 GCs so far");
}

File.Delete(path);
