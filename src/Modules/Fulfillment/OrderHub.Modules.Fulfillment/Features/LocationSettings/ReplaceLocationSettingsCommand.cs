using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Fulfillment.Domain.LocationSettings;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.LocationSettings;

/// <summary>
/// The body of <c>PUT /api/v1/fulfillment/locations/{code}/settings</c>: the location's terms whole, why, and
/// (recommended) the version read, so an edit made on stale settings is refused (409). <see cref="HandlingCost"/> is USD
/// per shipment; <see cref="CutOffLocal"/> is "HH:mm" in <see cref="TimeZone"/> (an IANA id such as America/Los_Angeles).
/// </summary>
internal sealed record ReplaceLocationSettingsCommand : ICommand<LocationSettingsDto>
{
    [JsonIgnore]
    public string LocationCode { get; init; } = string.Empty;

    public int? Version { get; init; }

    public decimal? HandlingCost { get; init; }

    public int? DailyLimit { get; init; }

    public string? CutOffLocal { get; init; }

    public string? TimeZone { get; init; }

    public int? PickDeadlineHours { get; init; }

    public string? Reason { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

internal sealed class ReplaceLocationSettingsValidator : AbstractValidator<ReplaceLocationSettingsCommand>
{
    public ReplaceLocationSettingsValidator()
    {
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        RuleFor(c => c.HandlingCost).NotNull().InclusiveBetween(0m, 10_000m).WithMessage("Handling cost is an amount in USD from 0 to 10000.");
        RuleFor(c => c.DailyLimit).InclusiveBetween(0, 100_000).When(c => c.DailyLimit is not null);
        RuleFor(c => c.CutOffLocal).Must(t => LocalTime.TryParse(t, out _)).When(c => c.CutOffLocal is not null)
            .WithMessage("Cut-off is a local time \"HH:mm\" (00:00 to 23:59).");
        RuleFor(c => c.TimeZone).NotEmpty().Must(LocalTime.IsIanaZone).WithMessage("Time zone is an IANA id, e.g. America/Los_Angeles.");
        RuleFor(c => c.PickDeadlineHours).InclusiveBetween(1, 720).When(c => c.PickDeadlineHours is not null);
    }
}

/// <summary>Replaces a location's settings whole and keeps the edit (who, when, why, before and after) in one transaction.</summary>
internal sealed partial class ReplaceLocationSettingsHandler(FulfillmentDbContext db, TimeProvider clock, ILogger<ReplaceLocationSettingsHandler> logger)
    : ICommandHandler<ReplaceLocationSettingsCommand, LocationSettingsDto>
{
    public async ValueTask<LocationSettingsDto> Handle(ReplaceLocationSettingsCommand command, CancellationToken cancellationToken)
    {
        var code = command.LocationCode.Trim();
        var setting = await db.LocationSettings.FirstOrDefaultAsync(s => s.LocationCode == code, cancellationToken);
        if (setting is null)
        {
            setting = LocationSetting.New(code);
            db.LocationSettings.Add(setting);
        }

        _ = LocalTime.TryParse(command.CutOffLocal, out var cutOff); // the validator refused a bad one
        var terms = new LocationTerms(command.HandlingCost!.Value, command.DailyLimit, cutOff, command.TimeZone!.Trim(), command.PickDeadlineHours);
        db.LocationSettingsChanges.Add(setting.Replace(terms, command.Version, command.Reason!.Trim(), command.Actor, clock.GetUtcNow()));
        LogReplaced(code, setting.Version, command.Actor, command.Reason);
        return LocationSettingsDto.From(setting);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Location {LocationCode} fulfillment settings version {Version}, by {Actor} ({Reason})")]
    private partial void LogReplaced(string locationCode, int version, string actor, string reason);
}

/// <summary>Local times as the API writes them ("HH:mm") and time zones as IANA ids.</summary>
internal static class LocalTime
{
    public static bool TryParse(string? text, out TimeOnly? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }

    public static string? Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool IsIanaZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId;
}
