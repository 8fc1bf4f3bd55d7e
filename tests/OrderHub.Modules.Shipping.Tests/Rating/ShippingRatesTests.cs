using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Rating;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Rating;

/// <summary>The fan-out: every carrier at once within the budget, alcohol rules, and carrier selection.</summary>
public sealed class ShippingRatesTests
{
    private static readonly Address Napa = new("1200 Vineyard Ave", null, "Napa", "CA", "94558", "US");
    private static readonly Address Manhattan = new("200 W 79th St", null, "New York", "NY", "10024", "US");
    private static readonly RateRequest Wine = new(Napa, Manhattan, [new ShippingParcel(8754, 37, 26, 22)], ContainsAlcohol: true, AdultSignature: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_slow_or_failing_carrier_is_left_out_and_named_and_the_others_answer_within_the_budget()
    {
        var rates = Rates(TimeSpan.FromMilliseconds(300), alcohol: [],
            new FakeCarrier(Carrier.UPS, (ServiceLevel.Ground, 20m, 5)),
            new FakeCarrier(Carrier.FedEx, (ServiceLevel.Ground, 19m, 5)) { Delay = TimeSpan.FromSeconds(30), IgnoresCancellation = true },
            new FakeCarrier(Carrier.USPS, (ServiceLevel.TwoDay, 12m, 2)) { Failure = new InvalidOperationException("USPS is down") });
        var started = TimeProvider.System.GetTimestamp();

        var result = await rates.RateAllAsync(Wine with { ContainsAlcohol = false }, Ct);

        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(2));
        result.Rates.Select(r => r.Carrier).ShouldBe([Carrier.UPS]);
        result.Failures.Select(f => f.Carrier).ShouldBe([Carrier.FedEx, Carrier.USPS], ignoreOrder: true);
        result.Failures.Single(f => f.Carrier == Carrier.FedEx).Reason.ShouldContain("timed out");
        result.Failures.Single(f => f.Carrier == Carrier.USPS).Reason.ShouldContain("USPS is down");
    }

    [Fact]
    public async Task Wine_is_never_asked_of_usps_or_a_carrier_without_an_agreement_and_always_goes_with_adult_signature()
    {
        var ups = new FakeCarrier(Carrier.UPS, (ServiceLevel.Ground, 30m, 5));
        var fedex = new FakeCarrier(Carrier.FedEx, (ServiceLevel.Ground, 25m, 5));
        var usps = new FakeCarrier(Carrier.USPS, (ServiceLevel.Ground, 10m, 5));
        var rates = Rates(TimeSpan.FromSeconds(2), alcohol: [Carrier.UPS], ups, fedex, usps);

        var result = await rates.RateAllAsync(Wine, Ct);

        result.Rates.Select(r => r.Carrier).ShouldBe([Carrier.UPS]);
        ups.Asked.ShouldHaveSingleItem().AdultSignature.ShouldBeTrue();
        fedex.Asked.ShouldBeEmpty();
        usps.Asked.ShouldBeEmpty();
    }

    [Fact]
    public async Task Carrier_selection_takes_the_cheapest_rate_that_arrives_in_time()
    {
        var rates = Rates(TimeSpan.FromSeconds(2), alcohol: [Carrier.UPS, Carrier.FedEx],
            new FakeCarrier(Carrier.UPS, (ServiceLevel.Ground, 18m, 5), (ServiceLevel.TwoDay, 41m, 2)),
            new FakeCarrier(Carrier.FedEx, (ServiceLevel.Ground, 17m, 4), (ServiceLevel.TwoDay, 39m, 2), (ServiceLevel.Overnight, 80m, 1)));

        (await rates.CheapestAsync(Wine, null, Ct))!.Amount.ShouldBe(17m);
        (await rates.CheapestAsync(Wine, 2, Ct)).ShouldBe(new CarrierRate(Carrier.FedEx, ServiceLevel.TwoDay, "FedEx TwoDay", 39m, "USD", 2));
        (await rates.CheapestAsync(Wine, 1, Ct))!.Service.ShouldBe(ServiceLevel.Overnight);
        (await rates.CheapestAsync(Wine, 0, Ct)).ShouldBeNull();
    }

    [Fact]
    public void Only_carriers_with_an_agreement_may_carry_wine_and_never_usps_or_dhl()
    {
        var settings = new CarrierSettings();
        foreach (var carrier in Enum.GetValues<Carrier>())
        {
            settings.Carriers[carrier] = new CarrierAccountOptions { AlcoholAgreement = true };
        }

        var catalog = new CarrierCatalog(Options.Create(settings));
        Enum.GetValues<Carrier>().Where(catalog.CanCarryAlcohol).ShouldBe([Carrier.UPS, Carrier.FedEx, Carrier.Courier]);
        new CarrierCatalog(Options.Create(new CarrierSettings())).CanCarryAlcohol(Carrier.UPS).ShouldBeFalse();
        CarrierCatalog.ServicesOf(Carrier.USPS).Select(s => s.Name).ShouldBe(["USPS Ground Advantage", "USPS Priority Mail", "USPS Priority Mail Express"]);
    }

    [Fact]
    public void A_partly_configured_carrier_api_is_a_settings_problem_naming_the_key()
    {
        var settings = new CarrierSettings();
        settings.Carriers[Carrier.UPS] = new CarrierAccountOptions { BaseUrl = "onlinetools.ups.com", ClientId = "id" };
        settings.Carriers[Carrier.FedEx] = new CarrierAccountOptions { BaseUrl = "https://apis.fedex.com", ClientId = "id", ClientSecret = "secret", AccountNumber = "740561073" };

        var result = new CarrierSettingsCheck().Validate(null, settings);

        result.Failures!.ShouldBe(
        [
            "OrderHub:Shipping:Carriers:UPS is partly set: set BaseUrl, ClientId, ClientSecret and AccountNumber together (or none of them for the simulated carrier).",
            "OrderHub:Shipping:Carriers:UPS:BaseUrl must be an absolute http(s) URL such as https://onlinetools.ups.com.",
        ]);
        settings.Carriers[Carrier.UPS] = new CarrierAccountOptions { AlcoholAgreement = true };
        new CarrierSettingsCheck().Validate(null, settings).Succeeded.ShouldBeTrue();
    }

    private static ShippingRates Rates(TimeSpan budget, Carrier[] alcohol, params ICarrierRates[] carriers)
    {
        var settings = new CarrierSettings { RatingBudget = budget };
        foreach (var carrier in alcohol)
        {
            settings.Carriers[carrier] = new CarrierAccountOptions { AlcoholAgreement = true };
        }

        return new ShippingRates(carriers, new CarrierCatalog(Options.Create(settings)), Options.Create(settings), NullLogger<ShippingRates>.Instance);
    }

    private sealed class FakeCarrier(Carrier carrier, params (ServiceLevel Service, decimal Amount, int Days)[] offers) : ICarrierRates
    {
        public Carrier Carrier { get; } = carrier;

        public TimeSpan Delay { get; init; }

        public bool IgnoresCancellation { get; init; }

        public Exception? Failure { get; init; }

        public List<RateRequest> Asked { get; } = [];

        public async Task<IReadOnlyList<CarrierRate>> RateAsync(RateRequest request, CancellationToken cancellationToken)
        {
            Asked.Add(request);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, IgnoresCancellation ? CancellationToken.None : cancellationToken);
            }

            return Failure is not null
                ? throw Failure
                : [.. offers.Select(o => new CarrierRate(Carrier, o.Service, $"{Carrier} {o.Service}", o.Amount, "USD", o.Days))];
        }
    }
}
