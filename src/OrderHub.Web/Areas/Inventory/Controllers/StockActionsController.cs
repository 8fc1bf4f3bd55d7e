using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Inventory.Features.AdjustStock;
using OrderHub.Modules.Inventory.Features.CountStock;
using OrderHub.Modules.Inventory.Features.ReceiveStock;
using OrderHub.Modules.Inventory.Features.ReceiveTransfer;
using OrderHub.Modules.Inventory.Features.TransferStock;

namespace OrderHub.Web.Areas.Inventory.Controllers;

/// <summary>
/// Stock moves for the warehouse (Admin and Warehouse only): receive into a bin and lot, adjust with a reason, transfer
/// between locations (and receive the transfer), cycle count. Each is the API's command; each is logged with the staff
/// member (the ledger names the move). A refusal stays on the page with what was wrong and changes nothing.
/// </summary>
[Area("Inventory")]
[Route("inventory/actions")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,Warehouse")]
public sealed class StockActionsController(ISender sender, ILogger<StockActionsController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? location, string? sku, string? bin, string? lot, string? form) =>
        View(new StockActionsModel(new StockActionForm { LocationCode = location, Sku = sku, Bin = bin, Lot = lot }, form)
        {
            Notice = TempData["notice"] as string,
            // TempData gives a GUID-looking string back as a Guid.
            PendingTransfer = TempData["transfer"] switch
            {
                Guid id => id,
                string text when Guid.TryParse(text, out var parsed) => parsed,
                _ => null,
            },
        });

    [HttpPost("receive"), ValidateAntiForgeryToken]
    public Task<IActionResult> Receive(StockActionForm input, CancellationToken cancellationToken) =>
        RunAsync("receive", input, async () =>
        {
            var r = await sender.Send(new ReceiveStockCommand
            {
                LocationCode = Upper(input.LocationCode),
                Sku = input.Sku?.Trim(),
                Quantity = input.Quantity ?? 0,
                Bin = Blank(input.Bin),
                Lot = input.Lot?.Trim() ?? string.Empty,
                ExpiresOn = input.ExpiresOn,
            }, cancellationToken);
            return $"Received {r.Quantity} x {r.Sku} into {r.LocationCode}/{r.Bin}{LotText(r.Lot)}: {r.OnHand} on hand there.";
        });

    [HttpPost("adjust"), ValidateAntiForgeryToken]
    public Task<IActionResult> Adjust(StockActionForm input, CancellationToken cancellationToken) =>
        RunAsync("adjust", input, async () =>
        {
            var a = await sender.Send(new AdjustStockCommand
            {
                LocationCode = Upper(input.LocationCode),
                Sku = input.Sku?.Trim(),
                Quantity = input.Quantity ?? 0,
                Reason = input.Reason,
                Bin = Blank(input.Bin),
                Lot = input.Lot?.Trim(),
                Note = Note(input.Note),
            }, cancellationToken);
            return $"Adjusted {a.Sku} at {a.LocationCode}/{a.Bin}{LotText(a.Lot)} by {a.Quantity:+#;-#} ({a.Reason}): {a.OnHand} on hand there.";
        });

    [HttpPost("transfer"), ValidateAntiForgeryToken]
    public Task<IActionResult> Transfer(StockActionForm input, CancellationToken cancellationToken) =>
        RunAsync("transfer", input, async () =>
        {
            var t = await sender.Send(new TransferStockCommand
            {
                FromLocationCode = Upper(input.LocationCode),
                ToLocationCode = Upper(input.ToLocationCode),
                Sku = input.Sku?.Trim(),
                Quantity = input.Quantity ?? 0,
                Lot = Blank(input.Lot),
            }, cancellationToken);
            TempData["transfer"] = t.Id.ToString();
            return $"Shipped {t.Quantity} x {t.Sku} from {t.FromLocationCode} to {t.ToLocationCode}: in transit until received (transfer {t.Id}).";
        });

    [HttpPost("transfers/{id:guid}/receive"), ValidateAntiForgeryToken]
    public Task<IActionResult> ReceiveTransfer(Guid id, StockActionForm input, CancellationToken cancellationToken) =>
        RunAsync("receive-transfer", input, async () =>
        {
            var t = await sender.Send(new ReceiveTransferCommand { TransferId = id, Bin = Blank(input.Bin) }, cancellationToken);
            return $"Transfer of {t.Quantity} x {t.Sku} received at {t.ToLocationCode}/{t.ReceivedBin}.";
        });

    [HttpPost("count"), ValidateAntiForgeryToken]
    public Task<IActionResult> Count(StockActionForm input, CancellationToken cancellationToken) =>
        RunAsync("count", input, async () =>
        {
            var c = await sender.Send(new CountStockCommand
            {
                LocationCode = Upper(input.LocationCode),
                Bin = Blank(input.Bin),
                Sku = input.Sku?.Trim(),
                Lot = input.Lot?.Trim(),
                CountedQuantity = input.Quantity ?? -1,
                Note = Note(input.Note),
                Actor = Actors.Of(User),
            }, cancellationToken);
            return c.Variance == 0
                ? $"Counted {c.Counted} x {c.Sku} in {c.LocationCode}/{c.Bin}{LotText(c.Lot)}: as expected, nothing changed."
                : $"Counted {c.Counted} x {c.Sku} in {c.LocationCode}/{c.Bin}{LotText(c.Lot)}: expected {c.Expected}, adjusted by {c.Variance:+#;-#}.";
        });

    private async Task<IActionResult> RunAsync(string form, StockActionForm input, Func<Task<string>> act)
    {
        try
        {
            var done = await act();
            logger.LogInformation("Staff {Staff} {Action}: {Outcome}", User.Identity?.Name, form, done);
            TempData["notice"] = done;
            return RedirectToAction(nameof(Index), new { location = Upper(input.ToLocationCode) ?? Upper(input.LocationCode), form });
        }
        catch (Exception ex) when (ex is ValidationException or NotFoundException or ConflictException or BusinessRuleViolationException)
        {
            var (status, errors) = StockFormErrors.From(ex);
            logger.LogInformation("Staff {Staff}: {Action} refused: {Message}", User.Identity?.Name, form, string.Join(" ", errors));
            Response.StatusCode = status;
            return View(nameof(Index), new StockActionsModel(input, form) { Errors = errors });
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Upper(string? text) => Blank(text)?.ToUpperInvariant();

    private string Note(string? note) =>
        string.IsNullOrWhiteSpace(note) ? $"by staff:{User.Identity?.Name}" : $"{note.Trim()} (by staff:{User.Identity?.Name})";

    private static string LotText(string lot) => lot.Length == 0 ? string.Empty : $" lot {lot}";
}

/// <summary>Every stock form's fields (each form uses the ones it needs).</summary>
public sealed class StockActionForm
{
    public string? LocationCode { get; set; }

    public string? ToLocationCode { get; set; }

    public string? Sku { get; set; }

    public string? Bin { get; set; }

    public string? Lot { get; set; }

    public int? Quantity { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>The stock actions page: the last form used (its fields kept when refused), the outcome or what was wrong.</summary>
internal sealed record StockActionsModel(StockActionForm Input, string? Form)
{
    public string? Notice { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    public Guid? PendingTransfer { get; init; }

    public static IReadOnlyList<string> Reasons => Enum.GetNames<AdjustmentReason>();
}
