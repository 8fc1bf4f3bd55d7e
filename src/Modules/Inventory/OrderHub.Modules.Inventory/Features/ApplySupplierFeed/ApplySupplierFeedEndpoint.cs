using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Csv;

namespace OrderHub.Modules.Inventory.Features.ApplySupplierFeed;

/// <summary>
/// <c>PUT /api/v1/inventory/supplier-feeds/{locationCode}</c>: a supplier's full available stock, as JSON
/// <c>{ items: [ { sku, quantity } ], asOf? }</c> or as <c>text/csv</c> with the columns <c>sku,quantity</c> (then
/// <c>?asOf=</c> dates it). A CSV line that is not a SKU and a whole number of units is a 400 naming the line.
/// </summary>
internal static class ApplySupplierFeedEndpoint
{
    internal static readonly string[] Columns = ["sku", "quantity"];

    private const int MaxReportedLines = 20;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/inventory/supplier-feeds/{locationCode}", async (
                string locationCode, [FromQuery] DateTimeOffset? asOf, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var body = IsCsv(request) ? await ReadCsvAsync(request, asOf, ct) : await ReadJsonAsync(request, ct);
                return TypedResults.Ok(await sender.Send(new ApplySupplierFeedCommand(locationCode, body.Items, body.AsOf ?? asOf), ct));
            })
            .WithName("ApplySupplierFeed")
            .WithSummary("Sets a Supplier location's stock to the supplier's feed (JSON or text/csv sku,quantity): available = the feed, reserved units stay reserved, SKUs left out go to 0. A feed older than the last one applied is ignored (applied: false).")
            .Accepts<SupplierFeedBody>("application/json", "text/csv")
            .Produces<SupplierFeedResultDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static bool IsCsv(HttpRequest request) =>
        request.HasFormContentType
        || request.ContentType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<SupplierFeedBody> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<SupplierFeedBody>(request.Body, json, cancellationToken)
                ?? throw Problem("body", "The body must be a JSON object { items: [ { sku, quantity } ], asOf? }.");
        }
        catch (JsonException ex)
        {
            throw Problem(string.IsNullOrEmpty(ex.Path) ? "body" : ex.Path, $"The body is not a supplier feed: {ex.Message}");
        }
    }

    private static async Task<SupplierFeedBody> ReadCsvAsync(HttpRequest request, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        using var upload = await CsvUpload.FromRequestAsync(request, cancellationToken);
        return new SupplierFeedBody(Parse(upload.ReadTable(Columns, Columns)), asOf);
    }

    /// <summary>The feed lines of a <c>sku,quantity</c> table; every bad line (up to 20) is named in one 400 problem.</summary>
    internal static List<SupplierStockLine> Parse(CsvTable table)
    {
        var lines = new List<SupplierStockLine>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<ValidationFailure>();
        foreach (var row in table.Rows)
        {
            var errors = row.NewErrorList();
            var sku = row.Text("sku", errors, required: true);
            var quantity = row.WholeNumber("quantity", errors, required: true);
            if (quantity < 0)
            {
                errors.Add(new CsvCellError("quantity", $"'{quantity}' is negative: a feed gives the units available, 0 or more."));
            }

            if (sku is not null && !firstLineOf.TryAdd(sku, row.Line))
            {
                errors.Add(new CsvCellError("sku", $"SKU '{sku}' already appears on line {firstLineOf[sku]}."));
            }

            failures.AddRange(errors.Select(e => new ValidationFailure($"line {row.Line}", e.Column is null ? $"Line {row.Line}: {e.Message}" : $"Line {row.Line}, {e.Column}: {e.Message}")));
            if (failures.Count >= MaxReportedLines)
            {
                break;
            }

            if (errors.Count == 0)
            {
                lines.Add(new SupplierStockLine(sku, quantity!.Value));
            }
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : lines;
    }

    private static ValidationException Problem(string key, string message) => new([new ValidationFailure(key, message)]);
}
