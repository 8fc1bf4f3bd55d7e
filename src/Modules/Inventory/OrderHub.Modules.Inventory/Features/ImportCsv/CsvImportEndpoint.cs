using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.BuildingBlocks.Http;

namespace OrderHub.Modules.Inventory.Features.ImportCsv;

/// <summary>An import as the API and the back-office page run it: the uploaded file, its key, the mode.</summary>
internal delegate Task<ImportReportDto> CsvImport(
    CsvUpload upload, string? importKey, ImportMode mode, ISender sender, CsvImportRunner runner, CancellationToken cancellationToken);

/// <summary>The HTTP shape every Inventory CSV import shares: text/csv or multipart body, <c>?mode=</c>, optional Idempotency-Key.</summary>
internal static class CsvImportEndpoint
{
    public static RouteHandlerBuilder MapCsvImport(this IEndpointRouteBuilder endpoints, string pattern, CsvImport import) =>
        endpoints.MapPost(pattern, async (
                HttpRequest request,
                [FromQuery] string? mode,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CsvImportRunner runner,
                CancellationToken ct) =>
            {
                var importMode = CsvImportRunner.ParseMode(mode);
                var importKey = IdempotencyKeys.Optional(idempotencyKey);
                using var upload = await CsvUpload.FromRequestAsync(request, ct);
                return TypedResults.Ok(await import(upload, importKey, importMode, sender, runner, ct));
            })
            .Accepts<string>("text/csv", "multipart/form-data")
            .Produces<ImportReportDto>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
