using System.Security.Cryptography;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Features.ImportCsv;
using OrderHub.Modules.Inventory.Features.ImportProducts;
using OrderHub.Modules.Inventory.Features.ImportStock;
using OrderHub.Modules.Orders.Features.ImportOrders;

namespace OrderHub.Web.Areas.DataImports.Controllers;

/// <summary>
/// CSV uploads for staff: products, opening stock, orders. Each runs the same import as its API endpoint and shows
/// the report. A file's content is its idempotency key, so submitting the same file twice applies it once.
/// </summary>
[Area("Imports")]
[Route("imports")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,Warehouse,CustomerService")]
public sealed class ImportsController(ISender sender, ILogger<ImportsController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ImportPageModel());

    [HttpPost("products"), ValidateAntiForgeryToken, Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,Warehouse")]
    public Task<IActionResult> Products(IFormFile? file, string? mode, CancellationToken cancellationToken) =>
        RunAsync("products", file, async text =>
            new ImportPageModel { Kind = "products", Catalog = await ImportProductsEndpoint.RunAsync(text, KeyOf(text), CsvImportRunner.ParseMode(mode), sender, Service<CsvImportRunner>(), cancellationToken) });

    [HttpPost("stock"), ValidateAntiForgeryToken, Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,Warehouse")]
    public Task<IActionResult> Stock(IFormFile? file, string? mode, CancellationToken cancellationToken) =>
        RunAsync("stock", file, async text =>
            new ImportPageModel { Kind = "stock", Catalog = await ImportStockEndpoint.RunAsync(text, KeyOf(text), CsvImportRunner.ParseMode(mode), sender, Service<CsvImportRunner>(), cancellationToken) });

    [HttpPost("orders"), ValidateAntiForgeryToken, Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,CustomerService")]
    public Task<IActionResult> Orders(IFormFile? file, CancellationToken cancellationToken) =>
        RunAsync("orders", file, async text =>
            new ImportPageModel { Kind = "orders", Orders = await Service<OrderCsvImport>().RunAsync(OrderCsvImport.ReadTable(text), $"staff:{User.Identity?.Name}", cancellationToken) });

    private async Task<IActionResult> RunAsync(string kind, IFormFile? file, Func<string, Task<ImportPageModel>> import)
    {
        if (file is null || file.Length == 0)
        {
            return View("Index", new ImportPageModel { Kind = kind, Errors = ["Choose a CSV file."] });
        }

        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }

        try
        {
            var model = await import(text);
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

    private static string KeyOf(string text) => "ui-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

/// <summary>The upload forms and, after an upload, its report.</summary>
internal sealed record ImportPageModel
{
    public string? Kind { get; init; }

    public ImportReportDto? Catalog { get; init; }

    public OrderImportReportDto? Orders { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];
}
