using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Shipping.Features.ReleaseShipDay;
using OrderHub.Web.Areas.Fulfillment.Controllers;

namespace OrderHub.Web.Areas.Shipping.Controllers;

/// <summary>
/// Wine-club releases: the days shipments packed ahead wait for, per location, and a form to release one (its labels are
/// bought now, at the configured pace). Releasing is audited with who did it and why. Thin: it only sends requests; a
/// refusal (a day not ahead, nothing waiting, no reason) is shown on the page, not as problem JSON.
/// </summary>
[Area("Shipping")]
[Route("shipping/releases")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = ShipmentsController.ReadRoles)]
public sealed class ReleasesController(ISender sender, ILogger<ReleasesController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ReleasesPageModel(await sender.Send(new ListPackedAheadQuery(), cancellationToken)) { Notice = TempData["notice"] as string });

    [HttpPost(""), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = WeatherHoldsController.WriteRoles)]
    public async Task<IActionResult> Release(ReleaseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!DateOnly.TryParseExact(input.ShipOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var shipOn))
        {
            return await RefusedAsync(input, "Choose the day to release as YYYY-MM-DD.", cancellationToken);
        }

        try
        {
            var released = await sender.Send(new ReleaseShipDayCommand { LocationCode = input.LocationCode, ShipOn = shipOn, Reason = input.Reason, Actor = Actors.Of(User) }, cancellationToken);
            logger.LogInformation("Staff {Staff} released {Released} shipment(s) of {Location} packed to ship on {ShipOn}", User.Identity?.Name, released.Released, released.LocationCode, released.ShipOn);
            TempData["notice"] = $"Released {released.Released} shipment(s) of {released.LocationCode} packed to ship on {ReleasesPageModel.Day(released.ShipOn)}: "
                + $"labels are bought {released.LabelsPerSecond} a second, the last by {released.LastLabelDueAt.ToUniversalTime():HH:mm:ss} UTC."
                + (released.StillHeldForWeather > 0 ? $" {released.StillHeldForWeather} stay held for weather." : string.Empty);
            return RedirectToAction(nameof(Index));
        }
        catch (Exception ex) when (Refusals.IsRefusal(ex))
        {
            return await RefusedAsync(input, Refusals.Message(ex), cancellationToken);
        }
    }

    private async Task<IActionResult> RefusedAsync(ReleaseInput input, string message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Staff {Staff}: release of {Location} {ShipOn} refused: {Message}", User.Identity?.Name, input.LocationCode, input.ShipOn, message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), new ReleasesPageModel(await sender.Send(new ListPackedAheadQuery(), cancellationToken)) { Error = $"Nothing was released: {message}", Posted = input });
    }
}

/// <summary>The days waiting, and the outcome of a release just made (or why it was refused, with what was typed).</summary>
internal sealed record ReleasesPageModel(IReadOnlyList<PackedAheadDay> Days)
{
    public string? Notice { get; init; }

    public string? Error { get; init; }

    public ReleaseInput? Posted { get; init; }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The release form as posted (the day as YYYY-MM-DD).</summary>
public sealed class ReleaseInput
{
    public string? LocationCode { get; set; }

    public string? ShipOn { get; set; }

    public string? Reason { get; set; }
}
