using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.Modules.Inventory.Features.ImportCsv;
using OrderHub.Modules.Inventory.Features.ReceiveStock;

namespace OrderHub.Modules.Inventory.Features.ImportStock;

/// <summary>
/// <c>POST /api/v1/inventory/import</c>: opening stock as CSV (locationCode,sku,quantity,lot,bin), each row received
/// with <see cref="ReceiveStockCommand"/> (so it lands in the stock ledger as a receipt). Send an Idempotency-Key:
/// without one, uploading the same file twice receives the stock twice.
/// </summary>
internal static class ImportStockEndpoint
{
    internal static readonly string[] Columns = ["locationCode", "sku", "quantity", "lot", "bin"];

    private static readonly string[] Required = ["locationCode", "sku", "quantity"];

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCsvImport("/inventory/import", RunAsync)
            .WithName("ImportStock")
            .WithSummary("Receives opening stock from a CSV file (?mode=per-row|all-or-nothing); answers the accepted count and each refused line. Send an Idempotency-Key so a re-upload is harmless.");

    /// <summary>The import itself, for this endpoint and the back-office page alike.</summary>
    internal static Task<ImportReportDto> RunAsync(
        CsvUpload upload, string? importKey, ImportMode mode, ISender sender, CsvImportRunner runner, CancellationToken cancellationToken)
    {
        var rows = ToRows(upload.ReadTable(Columns, Required), importKey);
        return runner.RunAsync("ImportStock", upload.Sha256, importKey, mode, rows, async (command, c) => await sender.Send(command, c), cancellationToken);
    }

    internal static IEnumerable<ImportRow<ReceiveStockCommand>> ToRows(CsvTable table, string? importKey)
    {
        foreach (var row in table.Rows)
        {
            var errors = row.NewErrorList();

            var sku = row.Text("sku", errors, required: true);
            var command = new ReceiveStockCommand
            {
                LocationCode = row.Text("locationCode", errors, required: true),
                Sku = sku,
                Quantity = row.WholeNumber("quantity", errors, required: true) ?? 0,
                Lot = row.Text("lot", errors),
                Bin = row.Text("bin", errors),
                IdempotencyKey = CsvImportRunner.RowKey(importKey, row.Line),
            };

            yield return new ImportRow<ReceiveStockCommand>(row.Line, sku, errors.Count == 0 ? command : null, errors);
        }
    }
}
