using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Features.GetLabel;
using OrderHub.Modules.Shipping.Features.GetShipment;
using OrderHub.Modules.Shipping.Features.ListShipments;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Shipping.Controllers;

/// <summary>
/// Shipments for the warehouse and the desk: the list (newest first, by status and location), one shipment with its
/// packages and the carrier's scans, and its label (the same files as the API's, for a signed-in staff member).
/// Thin: it only sends requests.
/// </summary>
[Area("Shipping")]
[Route("shipping/shipments")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = ReadRoles)]
public sealed class ShipmentsController(ISender sender, ILogger<ShipmentsController> logger) : Controller
{
    /// <summary>Who may look at shipments and print their labels.</summary>
    public const string ReadRoles = $"{StaffRoles.Admin},{StaffRoles.Warehouse},{StaffRoles.CustomerService}";

    /// <summary>The statuses the list filters by (Shipping's <c>ShipmentStatus</c>, API.md).</summary>
    public static readonly IReadOnlyList<string> Statuses =
        ["LabelPending", "LabelCreated", "InTransit", "OutForDelivery", "Delivered", "Exception", "ReturnedToSender", "Voided"];

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? location, int page = 1, CancellationToken cancellationToken = default)
    {
        var list = await sender.Send(new ListShipmentsQuery(Blank(status), Blank(location), Math.Max(1, page)), cancellationToken);
        return View(new ShipmentsPageModel(list, Blank(status), Blank(location)));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return View(await sender.Send(new GetShipmentQuery(id), cancellationToken));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The labels as PDF, one 4x6 page per package, shown in the browser (to view or print).</summary>
    [HttpGet("{id:guid}/label.pdf")]
    public Task<IActionResult> LabelPdf(Guid id, CancellationToken cancellationToken) => LabelAsync(id, LabelFormat.Pdf, "inline", cancellationToken);

    /// <summary>The labels as ZPL II for a thermal printer, downloaded.</summary>
    [HttpGet("{id:guid}/label.zpl")]
    public Task<IActionResult> LabelZpl(Guid id, CancellationToken cancellationToken) => LabelAsync(id, LabelFormat.Zpl, "attachment", cancellationToken);

    private async Task<IActionResult> LabelAsync(Guid id, LabelFormat format, string disposition, CancellationToken cancellationToken)
    {
        LabelFile file;
        try
        {
            file = await sender.Send(new GetLabelQuery(id, format), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException ex)
        {
            // No label yet (or voided): say so on the shipment's page rather than with problem JSON.
            TempData["error"] = ex.Message;
            return RedirectToAction(nameof(Show), new { id });
        }

        logger.LogInformation("Staff {Staff} opened the {Format} label of shipment {ShipmentId} ({FileName})", User.Identity?.Name, format, id, file.FileName);
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue(disposition) { FileName = file.FileName }.ToString();
        return File(file.Content, file.ContentType);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A page of shipments and the filters it was asked with.</summary>
internal sealed record ShipmentsPageModel(ShipmentListDto List, string? Status, string? Location)
{
    /// <summary>This list's address at another page, keeping the filters.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (Status is not null)
        {
            query.Add($"status={Uri.EscapeDataString(Status)}");
        }

        if (Location is not null)
        {
            query.Add($"location={Uri.EscapeDataString(Location)}");
        }

        query.Add($"page={page}");
        return "/shipping/shipments?" + string.Join('&', query);
    }
}
