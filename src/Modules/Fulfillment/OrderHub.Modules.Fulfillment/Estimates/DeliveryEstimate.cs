namespace OrderHub.Modules.Fulfillment.Estimates;

/// <summary>
/// When a parcel shipped today arrives, by shipping service, until Shipping's carrier rates answer it: Ground 5 business
/// days, TwoDay 2, Overnight 1 (no service means Ground). Business days skip Saturday and Sunday (holidays are not
/// known yet); a parcel shipped on a weekend day counts from the Monday after.
/// </summary>
internal static class DeliveryEstimate
{
    public const string DefaultService = "Ground";

    /// <summary>The services a parcel may ship by, as Orders and the API name them (Pickup ships nothing).</summary>
    public static IReadOnlyList<string> Services { get; } = ["Ground", "TwoDay", "Overnight"];

    public static bool IsKnownService(string? service) => service is null || Services.Contains(service, StringComparer.Ordinal);

    /// <summary>Business days in transit; throws for a service not in <see cref="Services"/>.</summary>
    public static int TransitDays(string? service) => (service ?? DefaultService) switch
    {
        "Ground" => 5,
        "TwoDay" => 2,
        "Overnight" => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown shipping service."),
    };

    /// <summary>The delivery date of a parcel shipped on <paramref name="shipDate"/> by <paramref name="service"/>.</summary>
    public static DateOnly Arrives(DateOnly shipDate, string? service) => AddBusinessDays(shipDate, TransitDays(service));

    /// <summary>The date <paramref name="businessDays"/> weekdays after <paramref name="from"/> (not counting it).</summary>
    public static DateOnly AddBusinessDays(DateOnly from, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var date = from;
        while (businessDays > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                businessDays--;
            }
        }

        return date;
    }
}
