using OrderHub.Modules.Fulfillment.Domain.LocationSettings;

namespace OrderHub.Modules.Fulfillment.Features.LocationSettings;

/// <summary>A location's stored fulfillment settings; <see cref="Version"/> is what an edit sends back. Money in <see cref="Currency"/> (USD).</summary>
internal sealed record LocationSettingsDto(
    string LocationCode, decimal HandlingCost, string Currency, int? DailyLimit, string? CutOffLocal, string TimeZone, int? PickDeadlineHours,
    int Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static LocationSettingsDto From(LocationSetting s) => new(
        s.LocationCode, s.HandlingCost, "USD", s.DailyLimit, LocalTime.Format(s.CutOffLocal), s.TimeZone, s.PickDeadlineHours, s.Version, s.UpdatedAt, s.UpdatedBy);
}

/// <summary>The terms of one version, as the audit trail shows them.</summary>
internal sealed record LocationTermsDto(decimal HandlingCost, int? DailyLimit, string? CutOffLocal, string TimeZone, int? PickDeadlineHours)
{
    public static LocationTermsDto? From(LocationTerms? t) =>
        t is null ? null : new(t.HandlingCost, t.DailyLimit, LocalTime.Format(t.CutOffLocal), t.TimeZone, t.PickDeadlineHours);
}

/// <summary>One edit: which location, who, when, why, the terms before (null for the first) and after.</summary>
internal sealed record LocationSettingsChangeDto(
    string LocationCode, int Version, DateTimeOffset At, string Actor, string Reason, LocationTermsDto? Before, LocationTermsDto After);
