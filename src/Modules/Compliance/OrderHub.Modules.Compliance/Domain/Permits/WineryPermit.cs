namespace OrderHub.Modules.Compliance.Domain.Permits;

/// <summary>
/// A permit the winery holds (or not) to ship into a state. Staff keep this list. By default the permit covers
/// every ship-from location; <see cref="LocationCodes"/> narrows it to the listed ones.
/// <see cref="LimitedConditionsConfirmed"/>: for a "Limited" state, staff confirmed the winery meets its conditions
/// (e.g. no in-state wholesaler); without it, orders into Limited states are held for review.
/// </summary>
internal sealed class WineryPermit
{
    private WineryPermit()
    {
    }

    public string StateCode { get; private set; } = string.Empty;

    public bool Held { get; private set; }

    public string? PermitName { get; private set; }

    public string? PermitNumber { get; private set; }

    /// <summary>Comma-separated location codes; null covers all locations.</summary>
    public string? LocationCodes { get; private set; }

    public bool LimitedConditionsConfirmed { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public static WineryPermit Create(string stateCode, DateTimeOffset at, string actor, string reason) =>
        new() { StateCode = stateCode, UpdatedAt = at, UpdatedBy = actor, Reason = reason };

    public void Update(bool held, string? permitName, string? permitNumber, IReadOnlyCollection<string>? locationCodes, bool limitedConditionsConfirmed,
        DateTimeOffset at, string actor, string reason)
    {
        Held = held;
        PermitName = permitName;
        PermitNumber = permitNumber;
        LocationCodes = locationCodes is { Count: > 0 } ? string.Join(',', locationCodes.Select(c => c.Trim().ToUpperInvariant())) : null;
        LimitedConditionsConfirmed = limitedConditionsConfirmed;
        UpdatedAt = at;
        UpdatedBy = actor;
        Reason = reason;
    }

    public IReadOnlyList<string> Locations() =>
        LocationCodes is null ? [] : LocationCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Covers(string? locationCode) =>
        LocationCodes is null || locationCode is null || Locations().Contains(locationCode.Trim(), StringComparer.OrdinalIgnoreCase);
}
