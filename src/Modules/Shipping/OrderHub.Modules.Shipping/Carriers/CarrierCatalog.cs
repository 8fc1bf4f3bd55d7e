using Microsoft.Extensions.Options;

namespace OrderHub.Modules.Shipping.Carriers;

/// <summary>
/// One service of a carrier: its level, the carrier's own code for it and its name as the carrier spells it;
/// <paramref name="SameRegionOnly"/> when it is offered only with ship-from and ship-to in the same state (the courier).
/// </summary>
internal sealed record CarrierService(Carrier Carrier, ServiceLevel Level, string Code, string Name, bool SameRegionOnly = false);

/// <summary>
/// What each carrier sells and may carry (shared/design/carriers.md §6): USPS never carries alcohol; UPS and FedEx only
/// when the merchant's alcohol agreement is configured (<c>OrderHub:Shipping:Carriers:&lt;code&gt;:AlcoholAgreement=true</c>),
/// and then always with adult signature; DHL Express has no US domestic service for alcohol; the courier as configured.
/// </summary>
internal sealed class CarrierCatalog(IOptions<CarrierSettings> settings)
{
    /// <summary>Every carrier's services, cheapest level first within a carrier.</summary>
    public static IReadOnlyList<CarrierService> Services { get; } =
    [
        new(Carrier.UPS, ServiceLevel.Ground, "03", "UPS Ground"),
        new(Carrier.UPS, ServiceLevel.TwoDay, "02", "UPS 2nd Day Air"),
        new(Carrier.UPS, ServiceLevel.Overnight, "01", "UPS Next Day Air"),
        new(Carrier.FedEx, ServiceLevel.Ground, "FEDEX_GROUND", "FedEx Ground"),
        new(Carrier.FedEx, ServiceLevel.TwoDay, "FEDEX_2_DAY", "FedEx 2Day"),
        new(Carrier.FedEx, ServiceLevel.Overnight, "PRIORITY_OVERNIGHT", "FedEx Priority Overnight"),
        new(Carrier.DHL, ServiceLevel.TwoDay, "N", "DHL Express"),
        new(Carrier.USPS, ServiceLevel.Ground, "GROUND_ADVANTAGE", "USPS Ground Advantage"),
        new(Carrier.USPS, ServiceLevel.TwoDay, "PRIORITY_MAIL", "USPS Priority Mail"),
        new(Carrier.USPS, ServiceLevel.Overnight, "PRIORITY_MAIL_EXPRESS", "USPS Priority Mail Express"),
        new(Carrier.Courier, ServiceLevel.Overnight, "SAME_REGION", "Courier Same-Region", SameRegionOnly: true),
    ];

    public static IReadOnlyList<CarrierService> ServicesOf(Carrier carrier) => [.. Services.Where(s => s.Carrier == carrier)];

    public static CarrierService? Find(Carrier carrier, ServiceLevel level) => Services.FirstOrDefault(s => s.Carrier == carrier && s.Level == level);

    /// <summary>The carrier's name for a service of <paramref name="level"/>; throws for a service it does not sell.</summary>
    public static string ServiceName(Carrier carrier, ServiceLevel level) =>
        Find(carrier, level)?.Name ?? throw new ArgumentOutOfRangeException(nameof(level), level, $"{carrier} has no {level} service.");

    /// <summary>Whether <paramref name="carrier"/> may carry a parcel holding wine for this merchant.</summary>
    public bool CanCarryAlcohol(Carrier carrier) => carrier switch
    {
        Carrier.USPS => false, // liquor is nonmailable (USPS Pub 52 §422.11)
        Carrier.DHL => false, // DHL Express left US domestic service in 2009
        _ => settings.Value.For(carrier).AlcoholAgreement,
    };

    /// <summary>Every carrier sells an adult-signature delivery; alcohol always takes it.</summary>
    public static bool OffersAdultSignature(Carrier carrier) => Enum.IsDefined(carrier);

    /// <summary>Adult signature is always on for alcohol, whatever the caller asked.</summary>
    public static bool AdultSignatureRequired(bool containsAlcohol, bool requested) => containsAlcohol || requested;

    /// <summary>Why <paramref name="carrier"/> is not offered for alcohol (for logs and warnings).</summary>
    public static string AlcoholRefusal(Carrier carrier) => carrier switch
    {
        Carrier.USPS => "USPS does not carry alcohol",
        Carrier.DHL => "DHL Express has no US domestic alcohol service",
        _ => $"no alcohol agreement configured for {carrier} (OrderHub:Shipping:Carriers:{carrier}:AlcoholAgreement)",
    };
}

/// <summary><c>OrderHub:Shipping:Carriers:&lt;code&gt;</c>: per carrier, its alcohol agreement and (UPS, FedEx) its API account.</summary>
internal sealed class CarrierSettings
{
    public const string SectionName = "OrderHub:Shipping:Carriers";

    public Dictionary<Carrier, CarrierAccountOptions> Carriers { get; } = [];

    /// <summary>The whole fan-out's budget for <c>POST /shipping/rates</c>: a carrier slower than this is left out.</summary>
    public TimeSpan RatingBudget { get; set; } = TimeSpan.FromSeconds(2);

    public CarrierAccountOptions For(Carrier carrier) => Carriers.GetValueOrDefault(carrier) ?? new CarrierAccountOptions();
}

/// <summary>One carrier's settings; with BaseUrl, ClientId, ClientSecret and AccountNumber its real API is used.</summary>
internal sealed class CarrierAccountOptions
{
    public bool AlcoholAgreement { get; set; }

    public string? BaseUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? AccountNumber { get; set; }

    /// <summary>Per rating call (each attempt); a Ship call gets <see cref="ShipTimeout"/>.</summary>
    public TimeSpan RateTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    public TimeSpan ShipTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsApiConfigured =>
        !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(AccountNumber);
}

/// <summary>
/// Checked when the host starts: a carrier API partly configured (some of BaseUrl, ClientId, ClientSecret,
/// AccountNumber), a BaseUrl that is not an absolute http(s) URL, or a budget or timeout that is not positive stops it
/// with one line naming the key.
/// </summary>
internal sealed class CarrierSettingsCheck : IValidateOptions<CarrierSettings>
{
    public ValidateOptionsResult Validate(string? name, CarrierSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var section = CarrierSettings.SectionName;
        if (options.RatingBudget <= TimeSpan.Zero)
        {
            problems.Add($"{section}:RatingBudget must be positive: set it to a duration such as 00:00:02.");
        }

        foreach (var (carrier, account) in options.Carriers)
        {
            var keys = new[] { account.BaseUrl, account.ClientId, account.ClientSecret, account.AccountNumber };
            if (!account.IsApiConfigured && keys.Any(k => !string.IsNullOrWhiteSpace(k)))
            {
                problems.Add($"{section}:{carrier} is partly set: set BaseUrl, ClientId, ClientSecret and AccountNumber together (or none of them for the simulated carrier).");
            }

            if (!string.IsNullOrWhiteSpace(account.BaseUrl)
                && (!Uri.TryCreate(account.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            {
                problems.Add($"{section}:{carrier}:BaseUrl must be an absolute http(s) URL such as https://onlinetools.ups.com.");
            }

            if (account.RateTimeout <= TimeSpan.Zero || account.ShipTimeout <= TimeSpan.Zero)
            {
                problems.Add($"{section}:{carrier}:RateTimeout and ShipTimeout must be positive durations.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
