using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Shipping.Features.CheckWeatherHold;
using OrderHub.Modules.Shipping.Features.ListWeatherHolds;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Shipping.Controllers;

/// <summary>
/// Wine held for weather: what is held now (the order, where it goes, why, the next check, the proposed ship date) and
/// what was released lately; warehouse staff may have one checked now instead of at the next hourly run (audited; a
/// release is on the order's timeline through the hold-released event). Thin: it only sends requests.
/// </summary>
[Area("Shipping")]
[Route("shipping/weather-holds")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = ShipmentsController.ReadRoles)]
public sealed class WeatherHoldsController(ISender sender, ILogger<WeatherHoldsController> logger) : Controller
{
    /// <summary>Who may have a hold checked now; the page shows the button only to them.</summary>
    public const string WriteRoles = $"{StaffRoles.Admin},{StaffRoles.Warehouse}";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new WeatherHoldsPageModel(await sender.Send(new ListWeatherHoldsQuery(), cancellationToken))
        {
            Notice = TempData["notice"] as string,
            Error = TempData["error"] as string,
        });

    [HttpPost("{id:guid}/check"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = WriteRoles)]
    public async Task<IActionResult> Check(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var checkedNow = await sender.Send(new CheckWeatherHoldCommand(id) { Actor = Actors.Of(User) }, cancellationToken);
            logger.LogInformation("Staff {Staff} checked the weather hold of order {OrderNumber} (shipment {ShipmentId}): {Outcome}", User.Identity?.Name, checkedNow.OrderNumber, id, checkedNow.Outcome);
            TempData["notice"] = checkedNow.Outcome == nameof(WeatherHoldsPageModel.Released)
                ? $"Order {checkedNow.OrderNumber}: the weather allows it now; its label is bought next."
                : $"Order {checkedNow.OrderNumber} is still held: {checkedNow.Reason}";
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException ex)
        {
            TempData["error"] = ex.Message;
        }

        return RedirectToAction(nameof(Index));
    }
}

/// <summary>The holds, and the outcome of a check just made (or why it was refused).</summary>
internal sealed record WeatherHoldsPageModel(WeatherHoldsDto Holds)
{
    public const string Released = nameof(Released);

    public string? Notice { get; init; }

    public string? Error { get; init; }

    /// <summary>Who released it, as staff read it: the hourly job or the staff member.</summary>
    public static string Who(string actor) =>
        actor == Modules.Shipping.Features.WeatherHolds.ReleaseWeatherHoldsJob.JobActor ? "hourly check" : actor.StartsWith("staff:", StringComparison.Ordinal) ? actor["staff:".Length..] : actor;
}
