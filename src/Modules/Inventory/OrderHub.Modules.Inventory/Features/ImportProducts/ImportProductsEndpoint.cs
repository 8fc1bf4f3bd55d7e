using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.Modules.Inventory.Features.CreateProduct;
using OrderHub.Modules.Inventory.Features.ImportCsv;

namespace OrderHub.Modules.Inventory.Features.ImportProducts;

/// <summary>
/// <c>POST /api/v1/products/import</c>: a CSV of products (text/csv body or a multipart file), each row created with
/// <see cref="CreateProductCommand"/>. Header: sku,name,price,currency,weightGrams,isAlcohol,varietal,vintage,
/// appellation,volumeMl,unitsPerCase,abv (sku, name, price and currency required; order free).
/// </summary>
internal static class ImportProductsEndpoint
{
    internal static readonly string[] Columns =
        ["sku", "name", "price", "currency", "weightGrams", "isAlcohol", "varietal", "vintage", "appellation", "volumeMl", "unitsPerCase", "abv"];

    private static readonly string[] Required = ["sku", "name", "price", "currency"];

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCsvImport("/products/import", RunAsync)
            .WithName("ImportProducts")
            .WithSummary("Creates products from a CSV file (?mode=per-row|all-or-nothing); answers the accepted count and each refused line. Optional Idempotency-Key.");

    /// <summary>The import itself, for this endpoint and the back-office page alike.</summary>
    internal static Task<ImportReportDto> RunAsync(
        CsvUpload upload, string? importKey, ImportMode mode, ISender sender, CsvImportRunner runner, CancellationToken cancellationToken)
    {
        var rows = ToRows(upload.ReadTable(Columns, Required), importKey);
        return runner.RunAsync("ImportProducts", upload.Sha256, importKey, mode, rows, async (command, c) => await sender.Send(command, c), cancellationToken);
    }

    internal static IEnumerable<ImportRow<CreateProductCommand>> ToRows(CsvTable table, string? importKey)
    {
        var firstLineOfSku = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var errors = row.NewErrorList();

            var sku = row.Text("sku", errors, required: true);
            var command = new CreateProductCommand
            {
                Sku = sku,
                Name = row.Text("name", errors, required: true),
                Price = row.Number("price", errors, required: true) ?? 0,
                Currency = row.Text("currency", errors, required: true),
                WeightGrams = row.WholeNumber("weightGrams", errors) ?? 0,
                IsAlcohol = row.Flag("isAlcohol", errors) ?? false,
                Varietal = row.Text("varietal", errors),
                Vintage = row.WholeNumber("vintage", errors),
                Appellation = row.Text("appellation", errors),
                VolumeMl = row.WholeNumber("volumeMl", errors),
                UnitsPerCase = row.WholeNumber("unitsPerCase", errors),
                Abv = row.Number("abv", errors),
                IdempotencyKey = CsvImportRunner.RowKey(importKey, row.Line),
            };

            if (sku is not null && !firstLineOfSku.TryAdd(sku, row.Line))
            {
                errors.Add(new CsvCellError("sku", $"SKU '{sku}' is already on line {firstLineOfSku[sku]} of this file."));
            }

            yield return new ImportRow<CreateProductCommand>(row.Line, sku, errors.Count == 0 ? command : null, errors);
        }
    }
}
