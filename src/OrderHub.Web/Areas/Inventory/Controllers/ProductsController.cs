using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Inventory.Features.CreateProduct;
using OrderHub.Modules.Inventory.Features.GetProduct;
using OrderHub.Modules.Inventory.Features.ListProducts;
using OrderHub.Modules.Inventory.Features.UpdateProduct;

namespace OrderHub.Web.Areas.Inventory.Controllers;

/// <summary>
/// The catalog: everyone on staff may look products up; Admin and Warehouse add and edit them (the same commands as
/// <c>POST /api/v1/products</c> and <c>PUT /api/v1/products/{sku}</c>). Refusals are shown on the form, never as JSON.
/// </summary>
[Area("Inventory")]
[Route("inventory/products")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,Warehouse,CustomerService")]
public sealed class ProductsController(ISender sender, ILogger<ProductsController> logger) : Controller
{
    private const string Editors = "Admin,Warehouse";
    private const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var trimmed = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (trimmed is { Length: > 100 })
        {
            trimmed = trimmed[..100];
        }

        var list = await sender.Send(new ListProductsQuery(trimmed, Math.Clamp(page, 1, 100_000), PageSize), cancellationToken);
        return View(new ProductListModel(trimmed, list, User.IsInRole("Admin") || User.IsInRole("Warehouse")));
    }

    [HttpGet("new"), Authorize(Roles = Editors)]
    public IActionResult New() => View("Edit", new ProductFormModel(new ProductForm { Currency = "USD", IsAlcohol = true }, IsNew: true));

    [HttpPost("new"), Authorize(Roles = Editors), ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(ProductForm form, CancellationToken cancellationToken)
    {
        try
        {
            var created = await sender.Send(new CreateProductCommand
            {
                Sku = form.Sku?.Trim(),
                Name = form.Name,
                Price = form.Price ?? -1,
                Currency = form.Currency?.Trim().ToUpperInvariant(),
                WeightGrams = form.WeightGrams ?? 0,
                IsAlcohol = form.IsAlcohol,
                Varietal = Blank(form.Varietal),
                Vintage = form.Vintage,
                Appellation = Blank(form.Appellation),
                VolumeMl = form.VolumeMl,
                UnitsPerCase = form.UnitsPerCase,
                Abv = form.Abv,
            }, cancellationToken);
            logger.LogInformation("Staff {Staff} created product {Sku}", User.Identity?.Name, created.Sku);
            TempData["notice"] = $"Product {created.Sku} created.";
            return RedirectToAction(nameof(Edit), new { sku = created.Sku });
        }
        catch (Exception ex) when (ex is ValidationException or ConflictException or BusinessRuleViolationException)
        {
            return Refused(form, isNew: true, ex);
        }
    }

    [HttpGet("{sku}/edit"), Authorize(Roles = Editors)]
    public async Task<IActionResult> Edit(string sku, CancellationToken cancellationToken)
    {
        var p = await sender.Send(new GetProductQuery(sku), cancellationToken); // unknown SKU → the HTML 404 page
        return View("Edit", new ProductFormModel(new ProductForm
        {
            Sku = p.Sku,
            Name = p.Name,
            Price = p.Price,
            Currency = p.Currency,
            WeightGrams = p.WeightGrams,
            IsAlcohol = p.IsAlcohol,
            Varietal = p.Varietal,
            Vintage = p.Vintage,
            Appellation = p.Appellation,
            VolumeMl = p.VolumeMl,
            UnitsPerCase = p.UnitsPerCase,
            Abv = p.Abv,
        }, IsNew: false)
        { Components = p.Components, Notice = TempData["notice"] as string });
    }

    [HttpPost("{sku}/edit"), Authorize(Roles = Editors), ValidateAntiForgeryToken]
    public async Task<IActionResult> Update(string sku, ProductForm form, CancellationToken cancellationToken)
    {
        form.Sku = sku;
        try
        {
            var saved = await sender.Send(new UpdateProductCommand
            {
                Sku = sku,
                Name = form.Name,
                Price = form.Price ?? -1,
                Currency = form.Currency?.Trim().ToUpperInvariant(),
                WeightGrams = form.WeightGrams ?? 0,
                IsAlcohol = form.IsAlcohol,
                Varietal = Blank(form.Varietal),
                Vintage = form.Vintage,
                Appellation = Blank(form.Appellation),
                VolumeMl = form.VolumeMl,
                UnitsPerCase = form.UnitsPerCase,
                Abv = form.Abv,
                Actor = Actors.Of(User),
            }, cancellationToken);
            logger.LogInformation("Staff {Staff} edited product {Sku}", User.Identity?.Name, saved.Sku);
            TempData["notice"] = $"Product {saved.Sku} saved.";
            return RedirectToAction(nameof(Edit), new { sku = saved.Sku });
        }
        catch (Exception ex) when (ex is ValidationException or BusinessRuleViolationException)
        {
            return Refused(form, isNew: false, ex);
        }
    }

    private ViewResult Refused(ProductForm form, bool isNew, Exception ex)
    {
        logger.LogInformation("Staff {Staff}: product {Sku} refused: {Message}", User.Identity?.Name, form.Sku, ex.Message);
        var (status, errors) = StockFormErrors.From(ex);
        Response.StatusCode = status;
        return View("Edit", new ProductFormModel(form, isNew) { Errors = errors });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The product form's fields; numbers are nullable so an empty box is "not given", not a binding error.</summary>
public sealed class ProductForm
{
    public string? Sku { get; set; }

    public string? Name { get; set; }

    public decimal? Price { get; set; }

    public string? Currency { get; set; }

    public int? WeightGrams { get; set; }

    public bool IsAlcohol { get; set; }

    public string? Varietal { get; set; }

    public int? Vintage { get; set; }

    public string? Appellation { get; set; }

    public int? VolumeMl { get; set; }

    public int? UnitsPerCase { get; set; }

    public decimal? Abv { get; set; }
}

internal sealed record ProductListModel(string? Search, CatalogPageDto Page, bool CanEdit)
{
    public int Pages => Math.Max(1, (Page.Total + Page.PageSize - 1) / Page.PageSize);
}

internal sealed record ProductFormModel(ProductForm Form, bool IsNew)
{
    public IReadOnlyList<ProductComponentDto> Components { get; init; } = [];

    public IReadOnlyList<string> Errors { get; init; } = [];

    public string? Notice { get; init; }
}
