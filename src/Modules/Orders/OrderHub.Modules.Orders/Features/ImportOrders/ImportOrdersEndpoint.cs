using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Orders.Features.ImportOrders;

/// <summary>
/// <c>POST /api/v1/orders/import</c>: a CSV of order lines (text/csv body or a multipart file), channel Import.
/// Always 200 with a report per order; only a file that cannot be read as the expected table is a 400 problem.
/// </summary>
internal static class ImportOrdersEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/import", async (
                HttpRequest request,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ClaimsPrincipal user,
                OrderCsvImport import,
                CancellationToken ct) =>
            {
                _ = IdempotencyKeys.Optional(idempotencyKey); // accepted and checked as on every create; each order's reference is its key
                using var upload = await CsvUpload.FromRequestAsync(request, ct);
                return TypedResults.Ok(await import.RunAsync(OrderCsvImport.ReadTable(upload), Actors.Of(user), ct));
            })
            .WithName("ImportOrders")
            .WithSummary("Places orders from a CSV of order lines (rows sharing an externalReference form one order); reports each order. Re-uploading never duplicates.")
            .Accepts<string>("text/csv", "multipart/form-data")
            .Produces<OrderImportReportDto>(StatusCodes.Status200OK)
            .ProducesValidationProblem();
}
