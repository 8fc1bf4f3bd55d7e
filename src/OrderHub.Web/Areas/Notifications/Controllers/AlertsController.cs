using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Features.AcknowledgeStaffAlert;
using OrderHub.Modules.Notifications.Features.ListStaffAlerts;
using OrderHub.Web.Access;
using OrderHub.Web.Areas.Fulfillment.Controllers;

namespace OrderHub.Web.Areas.Notifications.Controllers;

/// <summary>
/// Staff alerts: the open ones (critical first) with what to do and a link to the page to act on, an Acknowledge
/// button with an optional note, and the acknowledged history (who, when, the note). Thin: it only sends requests.
/// </summary>
[Area("Notifications")]
[Route("notifications/alerts")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = ReadRoles)]
public sealed class AlertsController(ISender sender) : Controller
{
    /// <summary>Every staff role acts on some kind of alert.</summary>
    public const string ReadRoles = $"{StaffRoles.Admin},{StaffRoles.Warehouse},{StaffRoles.CustomerService},{StaffRoles.Compliance}";

    public static IReadOnlyList<string> Kinds { get; } = Enum.GetNames<AlertKind>();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? kind, CancellationToken cancellationToken) =>
        View(await PageAsync(kind, null, cancellationToken) with { Done = TempData["done"] as string });

    [HttpPost("{id:guid}/acknowledge"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Acknowledge(Guid id, string? note, string? kind, CancellationToken cancellationToken)
    {
        try
        {
            var alert = await sender.Send(new AcknowledgeStaffAlertCommand(id, string.IsNullOrWhiteSpace(note) ? null : note, Actors.Of(User)), cancellationToken);
            TempData["done"] = $"Acknowledged: {alert.Title}";
            return RedirectToAction(nameof(Index), new { kind = Blank(kind) });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException ex)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), await PageAsync(kind, ex.Message, cancellationToken));
        }
        catch (Exception ex) when (Refusals.IsRefusal(ex))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await PageAsync(kind, Refusals.Message(ex), cancellationToken));
        }
    }

    private async Task<AlertsPageModel> PageAsync(string? kind, string? error, CancellationToken cancellationToken)
    {
        var filter = Blank(kind) is { } k && Kinds.Contains(k, StringComparer.OrdinalIgnoreCase) ? k : null;
        return new AlertsPageModel(
            await sender.Send(new ListStaffAlertsQuery("open", filter), cancellationToken),
            await sender.Send(new ListStaffAlertsQuery("acknowledged", filter, 50), cancellationToken),
            filter)
        { Error = error };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Open alerts, the latest acknowledged ones, the kind filtered by, and what the last action said.</summary>
internal sealed record AlertsPageModel(IReadOnlyList<StaffAlertDto> Open, IReadOnlyList<StaffAlertDto> History, string? Kind)
{
    public string? Error { get; init; }

    public string? Done { get; init; }

    /// <summary>What the alert's link opens, in words.</summary>
    public static string LinkText(StaffAlertDto alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Link switch
        {
            var l when l.StartsWith("/shipping/shipments/", StringComparison.Ordinal) => "Open the shipment",
            var l when l.StartsWith("/orders/", StringComparison.Ordinal) => $"Open order {alert.Subject}",
            var l when l.StartsWith("/fulfillment/pick-lists", StringComparison.Ordinal) => "Open the picking board",
            var l when l.StartsWith("/inventory", StringComparison.Ordinal) => "Open the stock page",
            var l when l.StartsWith("/hangfire", StringComparison.Ordinal) => "Open the Jobs dashboard (Admins)",
            var l when l.StartsWith("/notifications/webhooks", StringComparison.Ordinal) => "Open the webhook's deliveries",
            _ => "Open",
        };
    }
}
