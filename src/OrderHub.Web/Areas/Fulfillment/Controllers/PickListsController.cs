using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Features.ConfirmPicks;
using OrderHub.Modules.Fulfillment.Features.CreatePickList;
using OrderHub.Modules.Fulfillment.Features.GetPickingBoard;
using OrderHub.Modules.Fulfillment.Features.GetPickList;
using OrderHub.Modules.Fulfillment.Picking;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Fulfillment.Controllers;

/// <summary>
/// Picking for the warehouse: the board (what waits per location, a new wave, recent lists), one list to walk with a
/// tablet (print, scan, confirm). Thin: it only sends requests; a refusal is shown on the page it came from.
/// </summary>
[Area("Fulfillment")]
[Route("fulfillment/pick-lists")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = ReadRoles)]
public sealed class PickListsController(ISender sender, ILogger<PickListsController> logger) : Controller
{
    /// <summary>Who may look at picking (customer service follows an order through it).</summary>
    public const string ReadRoles = $"{StaffRoles.Admin},{StaffRoles.Warehouse},{StaffRoles.CustomerService}";

    /// <summary>Who may make waves, confirm picks and pack; the pages show those forms only to them.</summary>
    public const string WorkRoles = $"{StaffRoles.Admin},{StaffRoles.Warehouse}";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await BoardAsync(null, cancellationToken));

    [HttpPost(""), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = WorkRoles)]
    public async Task<IActionResult> Create(string? locationCode, int? maxOrders, string? idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var list = await sender.Send(new CreatePickListCommand
            {
                LocationCode = locationCode,
                MaxOrders = maxOrders,
                IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey,
                Actor = Actors.Of(User),
            }, cancellationToken);
            logger.LogInformation("Staff {Staff} made pick list {PickListNumber} at {LocationCode}", User.Identity?.Name, list.Number, list.LocationCode);
            return RedirectToAction(nameof(Show), new { id = list.Id });
        }
        catch (Exception ex) when (Refusals.IsRefusal(ex))
        {
            return View(nameof(Index), await BoardAsync(Refusals.Message(ex), cancellationToken));
        }
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return View(new PickListPageModel(await sender.Send(new GetPickListQuery(id), cancellationToken)) { Confirmed = TempData["confirmed"] is string });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The list to print (the same PDF as the API's), shown in the browser rather than downloaded.</summary>
    [HttpGet("{id:guid}/document.pdf")]
    public async Task<IActionResult> Document(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var document = await sender.Send(new GetPickListDocumentQuery(id), cancellationToken);
            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = $"{document.Number}.pdf" }.ToString();
            return File(document.Pdf, "application/pdf");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>
    /// What the picker took: only the items whose quantity or lot differ from the list are sent (the rest count as
    /// picked in full). A refusal re-shows the list with the message and what was typed; nothing is changed.
    /// </summary>
    [HttpPost("{id:guid}/confirm"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = WorkRoles)]
    public async Task<IActionResult> Confirm(Guid id, List<PickInput>? items, CancellationToken cancellationToken)
    {
        PickListDto list;
        try
        {
            list = await sender.Send(new GetPickListQuery(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        var posted = (items ?? []).GroupBy(i => i.Sequence).ToDictionary(g => g.Key, g => g.Last());
        var missing = list.Items.Where(i => posted.TryGetValue(i.Sequence, out var p) && p.Picked is null).Select(i => i.Sequence).ToList();
        if (missing.Count > 0)
        {
            return View(nameof(Show), new PickListPageModel(list) { Posted = posted, Error = $"Enter a picked quantity for item(s) {string.Join(", ", missing)}." });
        }

        var changed = list.Items
            .Where(i => posted.ContainsKey(i.Sequence))
            .Select(i => (Item: i, Picked: posted[i.Sequence].Picked!.Value, Lot: Blank(posted[i.Sequence].Lot)))
            .Where(p => p.Picked != p.Item.Quantity || (p.Lot is not null && !string.Equals(p.Lot, p.Item.Lot, StringComparison.Ordinal)))
            .Select(p => new ConfirmedItem(p.Item.Sequence, p.Picked, p.Lot))
            .ToList();
        try
        {
            var confirmed = await sender.Send(new ConfirmPicksCommand { PickListId = id, Items = changed, Actor = Actors.Of(User) }, cancellationToken);
            logger.LogInformation("Staff {Staff} confirmed pick list {PickListNumber} ({Changed} item(s) differing)", User.Identity?.Name, confirmed.Number, changed.Count);
            TempData["confirmed"] = confirmed.Number;
            return RedirectToAction(nameof(Show), new { id });
        }
        catch (Exception ex) when (Refusals.IsRefusal(ex))
        {
            return View(nameof(Show), new PickListPageModel(list) { Posted = posted, Error = Refusals.Message(ex) });
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<PickListsPageModel> BoardAsync(string? error, CancellationToken cancellationToken) =>
        new(await sender.Send(new GetPickingBoardQuery(), cancellationToken), Guid.NewGuid().ToString()) { Error = error };
}

/// <summary>The board, and a fresh idempotency key for the wave form: submitting one render twice makes one wave.</summary>
internal sealed record PickListsPageModel(PickingBoardDto Board, string IdempotencyKey)
{
    public string? Error { get; init; }
}

/// <summary>A pick list; after a refused confirmation, what was typed and why it was refused.</summary>
internal sealed record PickListPageModel(PickListDto List)
{
    public IReadOnlyDictionary<int, PickInput> Posted { get; init; } = new Dictionary<int, PickInput>();

    public string? Error { get; init; }

    public bool Confirmed { get; init; }

    /// <summary>The value to show in an item's picked-quantity field: what was typed, else the listed quantity.</summary>
    public string PickedValue(PickListItemDto item) =>
        Posted.TryGetValue(item.Sequence, out var p) && p.Picked is { } picked
            ? picked.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : item.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string LotValue(PickListItemDto item) => Posted.TryGetValue(item.Sequence, out var p) ? p.Lot ?? string.Empty : string.Empty;
}

/// <summary>One row of the confirm form as posted.</summary>
public sealed class PickInput
{
    public int Sequence { get; set; }

    public int? Picked { get; set; }

    public string? Lot { get; set; }
}
