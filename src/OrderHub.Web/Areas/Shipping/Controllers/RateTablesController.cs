using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Features.RateTables;
using OrderHub.Modules.Shipping.Rating;
using OrderHub.Web.Access;
using OrderHub.Web.Areas.Fulfillment.Controllers;

namespace OrderHub.Web.Areas.Shipping.Controllers;

/// <summary>
/// The carriers' rate tables: what the simulated carriers price from, and a small edit of one carrier's surcharges (fuel
/// percent, residential and adult signature per package) with a reason. The edit sends the version the page showed, so a
/// stale page is refused (409) and says so; every edit is on the changes trail with who and why.
/// </summary>
[Area("Shipping")]
[Route("shipping/rate-tables")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = ShipmentsController.ReadRoles)]
public sealed class RateTablesController(ISender sender, ILogger<RateTablesController> logger) : Controller
{
    /// <summary>Who may change prices; the page shows the forms only to them.</summary>
    public const string WriteRoles = StaffRoles.Admin;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(null, cancellationToken) with { Saved = TempData["saved"] as string });

    [HttpPost("{carrier}"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = WriteRoles)]
    public async Task<IActionResult> Surcharges(string carrier, SurchargesInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await sender.Send(new GetRateTablesQuery(), cancellationToken);
        var table = Enum.TryParse<Carrier>(carrier, ignoreCase: false, out var code) ? current.Carriers.FirstOrDefault(t => t.Carrier == code) : null;
        if (table is null)
        {
            return NotFound();
        }

        if (!TryParse(input.FuelPercent, out var fuel) || !TryParse(input.ResidentialSurcharge, out var residential) || !TryParse(input.AdultSignatureSurcharge, out var adult))
        {
            return View(nameof(Index), await PageAsync(new RateTablesRefusal(code, "Enter the surcharges as numbers, e.g. 14.5.", input), cancellationToken));
        }

        try
        {
            var saved = await sender.Send(new ReplaceRateTablesCommand
            {
                Version = input.Version,
                Reason = input.Reason,
                Carriers = [.. current.Carriers.Select(t => t.Carrier == code ? t with { FuelPercent = fuel, ResidentialSurcharge = residential, AdultSignatureSurcharge = adult } : t)],
                Actor = Actors.Of(User),
            }, cancellationToken);
            logger.LogInformation(
                "Staff {Staff} set {Carrier}'s surcharges to fuel {FuelPercent} %, residential {Residential}, adult signature {AdultSignature}: rate tables version {Version} ({Reason})",
                User.Identity?.Name, code, fuel, residential, adult, saved.Version, input.Reason);
            TempData["saved"] = $"{code}'s surcharges saved as version {saved.Version}.";
            return RedirectToAction(nameof(Index));
        }
        catch (ConflictException ex)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), await PageAsync(new RateTablesRefusal(code, ex.Message, input) { Stale = true }, cancellationToken));
        }
        catch (Exception ex) when (Refusals.IsRefusal(ex))
        {
            return View(nameof(Index), await PageAsync(new RateTablesRefusal(code, Refusals.Message(ex), input), cancellationToken));
        }
    }

    private static bool TryParse(string? value, out decimal result) =>
        decimal.TryParse(value?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out result);

    private async Task<RateTablesPageModel> PageAsync(RateTablesRefusal? refusal, CancellationToken cancellationToken) => new(
        await sender.Send(new GetRateTablesQuery(), cancellationToken),
        await sender.Send(new GetRateTablesChangesQuery(), cancellationToken))
    { Refusal = refusal };
}

/// <summary>The tables in force, their changes trail, and a refused edit to show with what was typed.</summary>
internal sealed record RateTablesPageModel(RateTablesDto Tables, IReadOnlyList<RateTablesChangeDto> Changes)
{
    public RateTablesRefusal? Refusal { get; init; }

    public string? Saved { get; init; }

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A service's transit business days over its zones: "1 day", "2 days", "1-5 days".</summary>
    public static string TransitDays(ServiceRateTable service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.TransitDays.Count == 0)
        {
            return "no transit days";
        }

        var (min, max) = (service.TransitDays.Min(d => d.Days), service.TransitDays.Max(d => d.Days));
        return min == max ? (min == 1 ? "1 day" : $"{min} days") : $"{min}-{max} days";
    }

    /// <summary>What an edit changed, carrier by carrier: the surcharges in words, anything else as "zones or prices".</summary>
    public static IReadOnlyList<string> Differences(RateTablesChangeDto change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var lines = new List<string>();
        foreach (var after in change.After)
        {
            var before = change.Before.FirstOrDefault(b => b.Carrier == after.Carrier);
            if (before is null)
            {
                lines.Add($"{after.Carrier}: table added");
                continue;
            }

            var parts = new List<string>();
            if (before.FuelPercent != after.FuelPercent)
            {
                parts.Add($"fuel {Number(before.FuelPercent)} % → {Number(after.FuelPercent)} %");
            }

            if (before.ResidentialSurcharge != after.ResidentialSurcharge)
            {
                parts.Add($"residential {Money(before.ResidentialSurcharge)} → {Money(after.ResidentialSurcharge)}");
            }

            if (before.AdultSignatureSurcharge != after.AdultSignatureSurcharge)
            {
                parts.Add($"adult signature {Money(before.AdultSignatureSurcharge)} → {Money(after.AdultSignatureSurcharge)}");
            }

            if (before.DimDivisor != after.DimDivisor)
            {
                parts.Add($"dim divisor {before.DimDivisor} → {after.DimDivisor}");
            }

            if (!before.Zones.SequenceEqual(after.Zones) || before.Services.Count != after.Services.Count
                || before.Services.Zip(after.Services).Any(p => p.First.Service != p.Second.Service || !p.First.TransitDays.SequenceEqual(p.Second.TransitDays) || !p.First.Brackets.SequenceEqual(p.Second.Brackets)))
            {
                parts.Add("zones, transit days or prices");
            }

            if (parts.Count > 0)
            {
                lines.Add($"{after.Carrier}: {string.Join(", ", parts)}");
            }
        }

        lines.AddRange(change.Before.Where(b => change.After.All(a => a.Carrier != b.Carrier)).Select(b => $"{b.Carrier}: table removed"));
        return lines.Count > 0 ? lines : ["no change"];
    }
}

/// <summary>A refused surcharge edit: for which carrier, why, what was typed; <see cref="Stale"/> when the tables changed meanwhile.</summary>
internal sealed record RateTablesRefusal(Carrier Carrier, string Message, SurchargesInput Input)
{
    public bool Stale { get; init; }
}

/// <summary>One carrier's surcharge form as posted (numbers as typed, read with a dot as the decimal separator).</summary>
public sealed class SurchargesInput
{
    public int? Version { get; set; }

    public string? FuelPercent { get; set; }

    public string? ResidentialSurcharge { get; set; }

    public string? AdultSignatureSurcharge { get; set; }

    public string? Reason { get; set; }
}
