using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Features.ImportCsv;
using OrderHub.Modules.Inventory.Features.ImportProducts;
using OrderHub.Modules.Inventory.Features.ImportStock;
using OrderHub.Modules.Orders.Features.ImportOrders;
using OrderHub.Web.Access;
using OrderHub.Web.Infrastructure;

namespace OrderHub.Web.Areas.DataImports.Controllers;

/// <summary>
/// CSV uploads for staff: products, opening stock, orders. Each runs the same import as its API endpoint and shows
/// the report. A file's content is its idempotency key, so submitting the same file twice applies it once.
/// </summary>
[Area("Imports")]
[Route("imports")]
[ImportUploadLimit]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = $"{StaffRoles.Admin},{StaffRoles.Warehouse},{StaffRoles.CustomerService}")]
public sealed class ImportsController(ISender sender, ILogger<ImportsController> logger) : Controller
{
    /// <summary>Who may import the catalog and opening stock; the page shows those forms only to them.</summary>
    public const string CatalogRoles = $"{StaffRoles.Admin},{StaffRoles.Warehouse}";

    /// <summary>Who may import orders; the page shows that form only to them.</summary>
    public const string OrderRoles = $"{StaffRoles.Admin},{StaffRoles.CustomerService}";

    [HttpGet("")]
    public IActionResult Index() => View(new ImportPageModel());

    [HttpPost("products"), ValidateAntiForgeryToken, Authorize(AuthenticationSchemes = "Identity.Application", Roles = CatalogRoles)]
    public Task<IActionResult> Products(IFormFile? file, string? mode, CancellationToken cancellationToken) =>
        RunAsync("products", file, async upload =>
            new ImportPageModel { Kind = "products", Catalog = await ImportProductsEndpoint.RunAsync(upload, KeyOf(upload), CsvImportRunner.ParseMode(mode), sender, Service<CsvImportRunner>(), cancellationToken) });

    [HttpPost("stock"), ValidateAntiForgeryToken, Authorize(AuthenticationSchemes = "Identity.Application", Roles = CatalogRoles)]
    public Task<IActionResult> Stock(IFormFile? file, string? mode, CancellationToken cancellationToken) =>
        RunAsync("stock", file, async upload =>
            new ImportPageModel { Kind = "stock", Catalog = await ImportStockEndpoint.RunAsync(upload, KeyOf(upload), CsvImportRunner.ParseMode(mode), sender, Service<CsvImportRunner>(), cancellationToken) });

    [HttpPost("orders"), ValidateAntiForgeryToken, Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderRoles)]
    public Task<IActionResult> Orders(IFormFile? file, CancellationToken cancellationToken) =>
        RunAsync("orders", file, async upload =>
            new ImportPageModel { Kind = "orders", Orders = await Service<OrderCsvImport>().RunAsync(OrderCsvImport.ReadTable(upload), $"staff:{User.Identity?.Name}", cancellationToken) });

    private async Task<IActionResult> RunAsync(string kind, IFormFile? file, Func<CsvUpload, Task<ImportPageModel>> import)
    {
        if (file is null || file.Length == 0)
        {
            return View("Index", new ImportPageModel { Kind = kind, Errors = ["Choose a CSV file."] });
        }

        try
        {
            using var upload = await CsvUpload.FromFormFileAsync(file, HttpContext.RequestAborted);
            var model = await import(upload);
            logger.LogInformation("Staff {Staff} imported {Kind} from {FileName}", User.Identity?.Name, kind, file.FileName);
            return View("Index", model);
        }
        catch (FluentValidation.ValidationException ex)
        {
            return View("Index", new ImportPageModel { Kind = kind, Errors = [.. ex.Errors.Select(e => e.ErrorMessage)] });
        }
        catch (Exception ex) when (ex is ConflictException or BusinessRuleViolationException)
        {
            return View("Index", new ImportPageModel { Kind = kind, Errors = [ex.Message] });
        }
    }

    // The import services are module-internal, so they cannot be action parameters of this public controller.
    private T Service<T>()
        where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    private static string KeyOf(CsvUpload upload) => "ui-" + upload.Sha256[..32].ToUpperInvariant();
}

/// <summary>The upload forms and, after an upload, its report.</summary>
internal sealed record ImportPageModel
{
    public string? Kind { get; init; }

    public ImportReportDto? Catalog { get; init; }

    public OrderImportReportDto? Orders { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];
}
