using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Features.ListManifests;
using OrderHub.Modules.Shipping.Features.Manifests;
using OrderHub.Web.Areas.Fulfillment.Controllers;

namespace OrderHub.Web.Areas.Shipping.Controllers;

/// <summary>
/// The end of the warehouse day: the carriers' manifests per location and day (labels and packages covered, the PDF for
/// the driver), a form to close today's manifest of a carrier at a location, and the pickups booked with a form to book
/// one. Closing and booking are audited by Shipping with who did it. Thin: it only sends requests; a refusal (unknown
/// carrier or location, a pickup day that has passed) is shown on the page, not as problem JSON.
/// </summary>
[Area("Shipping")]
[Route("shipping/manifests")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = ShipmentsController.ReadRoles)]
public sealed class ManifestsController(ISender sender, ILogger<ManifestsController> logger) : Controller
{
    /// <summary>Who may close a day and book a pickup; the page shows the forms only to them.</summary>
    public const string WriteRoles = WeatherHoldsController.WriteRoles;

    /// <summary>How far back the page lists pickups when no day is chosen.</summary>
    public const int PickupDays = 14;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? date, string? location, CancellationToken cancellationToken)
    {
        if (!TryDay(date, out var day))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await PageAsync(null, Blank(location), cancellationToken) with { Error = $"\"{date}\" is not a day: use the form YYYY-MM-DD." });
        }

        return View(await PageAsync(day, Blank(location), cancellationToken) with { Notice = TempData["notice"] as string });
    }

    /// <summary>Closes today's manifest (UTC) of a carrier at a location: every label bought and not voided that no manifest has yet.</summary>
    [HttpPost("close"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = WriteRoles)]
    public async Task<IActionResult> Close(CloseManifestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var closed = await sender.Send(new CloseManifestCommand { Carrier = input.Carrier, LocationCode = input.LocationCode, Actor = Actors.Of(User) }, cancellationToken);
            var m = closed.Manifest;
            logger.LogInformation("Staff {Staff} closed the {Carrier} manifest of {Location} for {Date}: {Labels} label(s)", User.Identity?.Name, m.Carrier, m.LocationCode, m.Date, m.ShipmentIds.Count);
            TempData["notice"] = $"{m.Carrier} manifest of {m.LocationCode} for {ManifestsPageModel.Day(m.Date)} {(closed.Created ? "closed" : "closed again")}: {ManifestsPageModel.Count(m.ShipmentIds.Count, "label")}, {ManifestsPageModel.Count(m.PackageCount, "package")}.";
            return RedirectToAction(nameof(Index));
        }
        catch (Exception ex) when (ex is NotFoundException || Refusals.IsRefusal(ex))
        {
            return await RefusedAsync(new ManifestsRefusal(ManifestsRefusal.CloseForm, Message(ex)) { Close = input }, cancellationToken);
        }
    }

    /// <summary>Books a carrier's pickup at a location for a day (today or later); the same carrier, location and day again shows the first booking.</summary>
    [HttpPost("pickups"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = WriteRoles)]
    public async Task<IActionResult> Pickup(PickupInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        string? problem = null;
        if (!TryDay(input.Date, out var day) || day is null)
        {
            problem = "Enter the pickup day as YYYY-MM-DD.";
        }

        var readyByOk = TryTime(input.ReadyBy, out var readyBy);
        var closeByOk = TryTime(input.CloseBy, out var closeBy);
        if (!readyByOk || !closeByOk)
        {
            problem ??= "Enter the ready-by and close-by times as HH:MM.";
        }

        if (problem is not null)
        {
            return await RefusedAsync(new ManifestsRefusal(ManifestsRefusal.PickupForm, problem) { Pickup = input }, cancellationToken);
        }

        try
        {
            var booked = await sender.Send(new RequestPickupCommand { Carrier = input.Carrier, LocationCode = input.LocationCode, Date = day, ReadyBy = readyBy, CloseBy = closeBy, Actor = Actors.Of(User) }, cancellationToken);
            var p = booked.Pickup;
            logger.LogInformation("Staff {Staff} requested the {Carrier} pickup of {Location} on {Date}: {Confirmation} (new: {Created})", User.Identity?.Name, p.Carrier, p.LocationCode, p.Date, p.ConfirmationNumber, booked.Created);
            TempData["notice"] = booked.Created
                ? $"{p.Carrier} pickup at {p.LocationCode} on {ManifestsPageModel.Day(p.Date)} booked: confirmation {p.ConfirmationNumber}."
                : $"{p.Carrier} already had a pickup at {p.LocationCode} on {ManifestsPageModel.Day(p.Date)}: confirmation {p.ConfirmationNumber} (booked by {p.RequestedBy}).";
            return RedirectToAction(nameof(Index));
        }
        catch (Exception ex) when (ex is NotFoundException || Refusals.IsRefusal(ex))
        {
            return await RefusedAsync(new ManifestsRefusal(ManifestsRefusal.PickupForm, Message(ex)) { Pickup = input }, cancellationToken);
        }
    }

    /// <summary>The manifest as a PDF for the driver, shown in the browser (to view or print).</summary>
    [HttpGet("{id:guid}/document.pdf")]
    public async Task<IActionResult> Document(Guid id, CancellationToken cancellationToken)
    {
        ManifestDto manifest;
        try
        {
            manifest = await sender.Send(new GetManifestQuery(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = $"manifest-{manifest.Carrier}-{manifest.LocationCode}-{ManifestsPageModel.Day(manifest.Date)}.pdf" }.ToString();
        return File(ManifestDocument.Render(manifest), "application/pdf");
    }

    private async Task<IActionResult> RefusedAsync(ManifestsRefusal refusal, CancellationToken cancellationToken)
    {
        logger.LogInformation("Staff {Staff}: {Form} refused: {Message}", User.Identity?.Name, refusal.Form, refusal.Message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await PageAsync(null, null, cancellationToken) with { Refusal = refusal });
    }

    private async Task<ManifestsPageModel> PageAsync(DateOnly? date, string? location, CancellationToken cancellationToken) =>
        new(date, location, await sender.Send(new ListEndOfDayQuery(date, location, PickupDays), cancellationToken), Enum.GetNames<Carrier>());

    private static string Message(Exception ex) => ex is NotFoundException nf ? $"{nf.Resource} {nf.Key} is not known." : Refusals.Message(ex);

    private static bool TryDay(string? value, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }

    private static bool TryTime(string? value, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// The manifests and pickups of one day (<see cref="Date"/>) or of late (null), today, the forms' choices (the locations
/// that have shipments, the carriers), and a notice, an error or a refused form to show with what was typed.
/// </summary>
internal sealed record ManifestsPageModel(DateOnly? Date, string? Location, EndOfDayDto EndOfDay, IReadOnlyList<string> Carriers)
{
    public DateOnly Today => EndOfDay.Today;

    public IReadOnlyList<ManifestDto> Manifests => EndOfDay.Manifests;

    public IReadOnlyList<PickupDto> Pickups => EndOfDay.Pickups;

    public IReadOnlyList<string> Locations => EndOfDay.Locations;

    public string? Notice { get; init; }

    public string? Error { get; init; }

    public ManifestsRefusal? Refusal { get; init; }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Kilograms(int grams) => (grams / 1000m).ToString("0.0", CultureInfo.InvariantCulture) + " kg";

    public static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}

/// <summary>A refused form: which one, why, and what was typed.</summary>
internal sealed record ManifestsRefusal(string Form, string Message)
{
    public const string CloseForm = "close";

    public const string PickupForm = "pickup";

    public CloseManifestInput? Close { get; init; }

    public PickupInput? Pickup { get; init; }
}

/// <summary>The close-the-day form as posted.</summary>
public sealed class CloseManifestInput
{
    public string? Carrier { get; set; }

    public string? LocationCode { get; set; }
}

/// <summary>The pickup form as posted (day as YYYY-MM-DD, times as HH:MM; blank times take the carrier desk's defaults).</summary>
public sealed class PickupInput
{
    public string? Carrier { get; set; }

    public string? LocationCode { get; set; }

    public string? Date { get; set; }

    public string? ReadyBy { get; set; }

    public string? CloseBy { get; set; }
}
