using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Features.GetChannelAvailability;
using OrderHub.Modules.Inventory.Features.GetLocationInventory;
using OrderHub.Modules.Inventory.Features.GetStockAvailability;
using OrderHub.Modules.Inventory.Features.ListBackorders;
using OrderHub.Modules.Inventory.Features.ListLocationStock;
using OrderHub.Modules.Inventory.Features.ListReorderSuggestions;

namespace OrderHub.Web.Areas.Inventory.Controllers;

/// <summary>Stock for the warehouse and the desk: a SKU by location and channel, a location's shelf, what waits and what to reorder.</summary>
[Area("Inventory")]
[Route("inventory")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,Warehouse,CustomerService")]
public sealed class StockController(ISender sender) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? sku, CancellationToken cancellationToken)
    {
        // A looked-up SKU narrows the waiting backorders and reorder suggestions to that SKU.
        var trimmed = string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();
        var model = new StockPageModel(
            trimmed,
            await sender.Send(new ListBackordersQuery("Waiting", trimmed), cancellationToken),
            await sender.Send(new ListReorderSuggestionsQuery(null, trimmed, null), cancellationToken));
        if (string.IsNullOrWhiteSpace(model.Sku))
        {
            return View(model);
        }

        try
        {
            return View(model with
            {
                Availability = await sender.Send(new GetStockAvailabilityQuery(model.Sku), cancellationToken),
                Channels = await sender.Send(new GetChannelAvailabilityQuery(model.Sku), cancellationToken),
            });
        }
        catch (NotFoundException ex)
        {
            return View(model with { Error = ex.Message });
        }
    }

    [HttpGet("locations/{code}")]
    public async Task<IActionResult> Location(string code, int page = 1, CancellationToken cancellationToken = default)
    {
        try
        {
            var location = code.Trim().ToUpperInvariant();
            return View(new LocationPageModel(
                await sender.Send(new GetLocationInventoryQuery(location, Math.Max(1, page), 50), cancellationToken),
                await sender.Send(new ListLocationStockQuery(location), cancellationToken),
                User.IsInRole("Admin") || User.IsInRole("Warehouse")));
        }
        catch (NotFoundException)
        {
            return NotFound(); // the HTML "page not found" for a browser
        }
    }
}

/// <summary>A location's page: stock by SKU (paged), by bin and lot, and whether the viewer may move stock.</summary>
internal sealed record LocationPageModel(LocationInventoryDto Inventory, LocationBinsDto Stock, bool CanMoveStock);

/// <summary>What the stock page shows: the looked-up SKU (if any), waiting backorders and the latest reorder suggestions.</summary>
internal sealed record StockPageModel(string? Sku, IReadOnlyList<BackorderRequestDto> Backorders, IReadOnlyList<ReorderSuggestionDto> ReorderSuggestions)
{
    public StockAvailabilityDto? Availability { get; init; }

    public ChannelAvailabilityDto? Channels { get; init; }

    public string? Error { get; init; }
}
