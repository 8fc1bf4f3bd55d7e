using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Features.PlaceOrder;

namespace OrderHub.Modules.Orders.Features.ImportOrders;

/// <summary>The answer of an order import: counts, then one entry per order in file order.</summary>
internal sealed record OrderImportReportDto(int Created, int AlreadyImported, int Refused, int Rejected, IReadOnlyList<ImportedOrderDto> Orders);

/// <summary>
/// One order of the file: its <c>externalReference</c>, the lines (rows) it came from, the result (Created,
/// AlreadyImported, Refused or Rejected), the order's number and status when one exists, and what was wrong.
/// </summary>
internal sealed record ImportedOrderDto(
    string? ExternalReference,
    IReadOnlyList<int> Lines,
    string Result,
    Guid? OrderId,
    string? OrderNumber,
    string? Status,
    string? Rule,
    string? Reason,
    IReadOnlyList<OrderImportErrorDto> Errors);

/// <summary>A problem with a cell (line and column) or with the whole order (column null).</summary>
internal sealed record OrderImportErrorDto(int? Line, string? Column, string Message);

/// <summary>
/// Turns a CSV of order lines (one row per line; rows sharing an <c>externalReference</c> are one order) into
/// <see cref="PlaceOrderRequest"/>s of channel Import and places them one by one with <see cref="ImportedOrderPlacer"/>,
/// in file order, carrying on after a bad order. The idempotency key of each order is derived from the upload's
/// Idempotency-Key (or, without one, from nothing but the reference) and the externalReference, so uploading the
/// same orders again never creates them twice.
/// </summary>
internal sealed class OrderCsvImport(ImportedOrderPlacer placer, ILogger<OrderCsvImport> logger)
{
    internal static readonly string[] Columns =
    [
        "externalReference", "email", "firstName", "lastName", "dateOfBirth", "phone",
        "line1", "line2", "city", "region", "postalCode", "country", "shippingService", "sku", "quantity", "paymentToken",
    ];

    private static readonly string[] Required =
        ["externalReference", "email", "firstName", "lastName", "line1", "city", "region", "postalCode", "country", "sku", "quantity"];

    /// <summary>Columns that describe the order (not the line): later rows of an order may leave them empty, but not contradict the first.</summary>
    private static readonly string[] OrderColumns = [.. Columns.Where(c => c is not ("externalReference" or "sku" or "quantity"))];

    public static CsvTable ReadTable(CsvUpload upload) => upload.ReadTable(Columns, Required);

    public async Task<OrderImportReportDto> RunAsync(CsvTable table, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var started = Stopwatch.GetTimestamp();
        var groups = Group(table);
        var read = Stopwatch.GetElapsedTime(started);
        var results = new List<ImportedOrderDto>(groups.Count);
        var index = 0;
        var progress = new BulkProgress(logger, "Order import");
        foreach (var group in groups)
        {
            index++;
            ImportedOrderDto dto;
            using (BulkOperation.Item())
            {
                dto = await ImportOneAsync(group, actor, cancellationToken);
            }

            results.Add(dto);
            logger.LogDebug(
                "Order import {Index}/{Total}: {ExternalReference} (line {Line}) {Result} {OrderNumber} {Status}",
                index, groups.Count, group.Reference, group.Rows[0].Line, dto.Result, dto.OrderNumber, dto.Status);
            progress.RowDone();
        }

        var report = new OrderImportReportDto(
            results.Count(r => r.Result == nameof(ImportedOrderResult.Created)),
            results.Count(r => r.Result == nameof(ImportedOrderResult.AlreadyImported)),
            results.Count(r => r.Result == nameof(ImportedOrderResult.Refused)),
            results.Count(r => r.Result == nameof(ImportedOrderResult.Rejected)),
            results);
        // Where the time goes (docs/performance.md, "CSV import: where the time goes"): reading the rows is milliseconds,
        // placing the orders one by one is nearly all of it.
        var placing = Stopwatch.GetElapsedTime(started) - read;
        logger.LogInformation(
            "Order import finished: {Created} created, {AlreadyImported} already imported, {Refused} refused, {Rejected} rejected; "
            + "{Rows} row(s) read and grouped in {ReadMs:0} ms, {Orders} order(s) placed in {PlaceMs:0} ms ({PerOrderMs:0.00} ms an order)",
            report.Created, report.AlreadyImported, report.Refused, report.Rejected,
            table.RowCount, read.TotalMilliseconds, groups.Count, placing.TotalMilliseconds, groups.Count == 0 ? 0 : placing.TotalMilliseconds / groups.Count);
        return report;
    }

    /// <summary>
    /// The key PlaceOrder remembers for an imported order: the reference alone, whatever the upload (API with or without
    /// an Idempotency-Key, or the back-office page), so no second upload of an order can place it — or charge it — twice.
    /// </summary>
    public static string OrderKey(string externalReference) => $"import:{externalReference}";

    private async Task<ImportedOrderDto> ImportOneAsync(RowGroup group, string actor, CancellationToken cancellationToken)
    {
        var lines = group.Rows.Select(r => r.Line).ToList();
        var errors = new List<OrderImportErrorDto>();
        var first = group.Rows[0];
        if (group.Reference is null)
        {
            errors.Add(new OrderImportErrorDto(first.Line, "externalReference", "'externalReference' is required: it says which rows form one order."));
        }
        else if (group.Reference.Length > 100)
        {
            errors.Add(new OrderImportErrorDto(first.Line, "externalReference", "'externalReference' is at most 100 characters."));
        }

        var orderLines = new List<LineInput>();
        foreach (var row in group.Rows)
        {
            var cellErrors = row.NewErrorList();

            var sku = row.Text("sku", cellErrors, required: true);
            var quantity = row.WholeNumber("quantity", cellErrors, required: true);
            orderLines.Add(new LineInput(sku, quantity ?? 0));
            if (!ReferenceEquals(row, first))
            {
                foreach (var column in OrderColumns)
                {
                    if (row[column] is { } value && !string.Equals(value, first[column], StringComparison.Ordinal))
                    {
                        cellErrors.Add(new CsvCellError(column, $"'{value}' differs from line {first.Line} of the same order ('{first[column]}')."));
                    }
                }
            }

            errors.AddRange(cellErrors.Select(e => new OrderImportErrorDto(row.Line, e.Column, e.Message)));
        }

        var firstErrors = new List<CsvCellError>();
        var dateOfBirth = first.Date("dateOfBirth", firstErrors);
        errors.AddRange(firstErrors.Select(e => new OrderImportErrorDto(first.Line, e.Column, e.Message)));
        if (errors.Count > 0)
        {
            return new ImportedOrderDto(group.Reference, lines, nameof(ImportedOrderResult.Rejected), null, null, null, null, null, errors);
        }

        var token = first["paymentToken"];
        var request = new PlaceOrderRequest
        {
            Channel = nameof(OrderChannel.Import),
            ExternalReference = group.Reference,
            Customer = new CustomerInput(first["email"], first["firstName"], first["lastName"], dateOfBirth, first["phone"]),
            ShippingAddress = new AddressInput(first["line1"], first["line2"], first["city"], first["region"], first["postalCode"], first["country"]),
            ShippingService = first["shippingService"],
            Lines = orderLines,
            Payment = token is null ? null : new PaymentInput("Card", token),
        };

        var outcome = await placer.PlaceAsync(new ReceiveOrderCommand(request, OrderKey(group.Reference!), actor), cancellationToken);
        var outcomeErrors = outcome.FieldErrors.Select(e => ToCell(e, group)).ToList();
        if (outcome.Result == ImportedOrderResult.Rejected && outcome.Rule == "UnknownSku" && outcome.Reason is not null)
        {
            outcomeErrors.AddRange(group.Rows.Where(r => r["sku"] is { } s && outcome.Reason.Contains(s, StringComparison.Ordinal))
                .Select(r => new OrderImportErrorDto(r.Line, "sku", outcome.Reason)));
        }

        return new ImportedOrderDto(
            group.Reference, lines, outcome.Result.ToString(), outcome.OrderId, outcome.OrderNumber, outcome.Status, outcome.Rule, outcome.Reason, outcomeErrors);
    }

    /// <summary>"Customer.Email" → email, "ShippingAddress.PostalCode" → postalCode, "Lines[1].Quantity" → quantity on that row's line.</summary>
    private static OrderImportErrorDto ToCell(PlacementFieldError error, RowGroup group)
    {
        var field = error.Field;
        var line = group.Rows[0].Line;
        if (field.StartsWith("Lines[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            if (close > 6 && int.TryParse(field.AsSpan(6, close - 6), out var i) && i < group.Rows.Count)
            {
                line = group.Rows[i].Line;
            }
        }

        var column = field switch
        {
            "Lines" => "sku",
            "Customer" => "email",
            "ShippingAddress" => "line1",
            _ when field.StartsWith("Payment", StringComparison.Ordinal) => "paymentToken",
            _ => JsonNamingPolicy.CamelCase.ConvertName(field[(field.LastIndexOf('.') + 1)..]),
        };
        return new OrderImportErrorDto(line, column, error.Message);
    }

    private static List<RowGroup> Group(CsvTable table)
    {
        var groups = new List<RowGroup>();
        var byReference = new Dictionary<string, RowGroup>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var reference = row["externalReference"];
            if (reference is null)
            {
                groups.Add(new RowGroup(null, [row]));
                continue;
            }

            if (byReference.TryGetValue(reference, out var group))
            {
                group.Rows.Add(row);
            }
            else
            {
                group = new RowGroup(reference, [row]);
                byReference[reference] = group;
                groups.Add(group);
            }
        }

        return groups;
    }

    private sealed record RowGroup(string? Reference, List<CsvRow> Rows);
}
