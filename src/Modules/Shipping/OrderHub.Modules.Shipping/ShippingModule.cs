using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Carriers.FedEx;
using OrderHub.Modules.Shipping.Carriers.Simulated;
using OrderHub.Modules.Shipping.Carriers.Ups;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Delivery.Weather;
using OrderHub.Modules.Shipping.Features.BuyLabel;
using OrderHub.Modules.Shipping.Features.CheckWeatherHold;
using OrderHub.Modules.Shipping.Features.GetLabel;
using OrderHub.Modules.Shipping.Features.GetShipment;
using OrderHub.Modules.Shipping.Features.ListPickups;
using OrderHub.Modules.Shipping.Features.ListWeatherHolds;
using OrderHub.Modules.Shipping.Features.Manifests;
using OrderHub.Modules.Shipping.Features.QuoteShippingCharge;
using OrderHub.Modules.Shipping.Features.RateShipment;
using OrderHub.Modules.Shipping.Features.RateTables;
using OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;
using OrderHub.Modules.Shipping.Features.ReleaseShipDay;
using OrderHub.Modules.Shipping.Features.ShipOn;
using OrderHub.Modules.Shipping.Features.WeatherHolds;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.Rating;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping;

/// <summary>Composition root of the Shipping module: the host calls this and nothing else inside the module.</summary>
public sealed class ShippingModule : IModule
{
    public const string ModuleName = "Shipping";

    public string Name => ModuleName;

    public string Schema => ShippingDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(ShippingModule).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<ShippingDbContext, SqliteShippingDbContext, SqlServerShippingDbContext, PostgreSqlShippingDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
        services.AddOptions<ShippingOptions>().Bind(context.Configuration.GetSection(ShippingOptions.Section))
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.TrackingWebhookSecret) && o.TrackingWebhookSecret.Length >= 16,
                $"{ShippingOptions.Section}:TrackingWebhookSecret is not set: set it to the secret (16 characters or more) carriers sign tracking events with.")
            .Validate(
                o => o.Gs1CompanyPrefix is { Length: >= 7 and <= 10 } && o.Gs1CompanyPrefix.All(char.IsAsciiDigit) && o.SsccExtensionDigit is >= 0 and <= 9,
                $"{ShippingOptions.Section}:Gs1CompanyPrefix must be 7 to 10 digits and SsccExtensionDigit 0 to 9 (the cartons' SSCC-18).")
            .Validate(
                o => o.ReleaseLabelsPerSecond is >= 1 and <= 1000,
                $"{ShippingOptions.Section}:ReleaseLabelsPerSecond must be 1 to 1000 (labels a release buys a second).")
            .ValidateOnStart();
        services.AddOptions<CheckoutChargeOptions>().Bind(context.Configuration.GetSection(CheckoutChargeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CheckoutChargeOptions>, SelfCheckedOptionsValidator<CheckoutChargeOptions>>();
        RegisterRating(services, context);
        RegisterShipments(services);
        RegisterManifests(services);
        RegisterDelivery(services, context);
    }

    /// <summary>Held wine is checked again every hour (<see cref="ReleaseWeatherHoldsJob"/>).</summary>
    public void ScheduleJobs(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<ReleaseWeatherHoldsJob>(ReleaseWeatherHoldsJob.JobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The host maps the module's status endpoint (ModuleStatusEndpoint) as for every module.
        MapRating(endpoints);
        var shipping = endpoints.MapGroup("/api/v1").WithTags(ModuleName);
        var reads = shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingRead);
        GetShipmentEndpoint.Map(reads);
        GetLabelEndpoints.Map(reads);
        ReleaseShipDayEndpoint.MapRead(reads);
        ShipOnEndpoint.Map(shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingWrite));
        ReleaseShipDayEndpoint.Map(shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingWrite));
        ReceiveTrackingEventEndpoint.Map(shipping); // signed by the carrier, not an API key
        MapManifests(shipping);
    }

    /// <summary>Shipments: made when a fulfillment is packed, labels bought by the outbox, tracking events applied.</summary>
    private static void RegisterShipments(IServiceCollection services)
    {
        services.AddScoped<LabelCarrierChoice>();
        services.AddScoped<SsccSerials>();
        services.AddScoped<LabelPurchases>();
        services.AddScoped<IInternalCommandHandler<BuyLabel>, BuyLabelHandler>();
        services.AddScoped<IInternalCommandHandler<BuyLabels>, BuyLabelsHandler>();
    }

    /// <summary>
    /// Voids and re-labels, end-of-day manifests, pickups (the built-in desk for every carrier; a carrier with its API
    /// configured is refused, its pickup API not being wired), simulated scans.
    /// </summary>
    private static void RegisterManifests(IServiceCollection services)
    {
        services.AddScoped<IInternalCommandHandler<PlaySimulatedTracking>, PlaySimulatedTrackingHandler>();
        foreach (var carrier in Enum.GetValues<Carrier>())
        {
            services.AddSingleton<ICarrierPickups>(new SimulatedPickupDesk(carrier));
        }
    }

    /// <summary>Voids, re-labels, manifests and pickups, weather holds (API keys), and the carriers' own tracking formats (signed, no key).</summary>
    private static void MapManifests(IEndpointRouteBuilder shipping)
    {
        ManifestsEndpoints.MapReads(shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingRead));
        ManifestsEndpoints.MapWrites(shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingWrite));
        ListPickupsEndpoint.Map(shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingRead));
        ListWeatherHoldsEndpoint.Map(shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingRead));
        CheckWeatherHoldEndpoint.Map(shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingWrite));
        CarrierTrackingFormats.Map(shipping);
    }

    /// <summary>
    /// Delivery dates and weather holds: the carrier calendar and cut-off (<see cref="DeliveryPlanner"/>), ground ship days
    /// (<c>OrderHub:Shipping:GroundShipDays</c>, default Mon,Tue,Wed), the weather port (<c>OrderHub:Shipping:Weather</c>:
    /// MinF 40, MaxF 85, Provider Normals or NationalWeatherService, BaseUrl, Timeout) and the hourly release job.
    /// </summary>
    private static void RegisterDelivery(IServiceCollection services, ModuleContext context)
    {
        var section = context.Configuration.GetSection(DeliveryOptions.Section);
        var groundDays = section[nameof(DeliveryOptions.GroundShipDays)];
        var parsedDays = DeliveryOptions.ParseDays(groundDays);
        if (groundDays is not null && parsedDays is null)
        {
            throw new InvalidOperationException($"{DeliveryOptions.Section}:GroundShipDays '{groundDays}' is not a list of days such as Mon,Tue,Wed.");
        }

        services.AddOptions<DeliveryOptions>().Configure(o =>
        {
            section.GetSection(nameof(DeliveryOptions.Weather)).Bind(o.Weather);
            if (parsedDays is not null)
            {
                o.GroundShipDays = parsedDays;
            }
        })
            .Validate(o => o.Weather.MinF < o.Weather.MaxF, $"{DeliveryOptions.Section}:Weather:MinF must be below MaxF.")
            .Validate(o => o.Weather.Timeout > TimeSpan.Zero, $"{DeliveryOptions.Section}:Weather:Timeout must be positive.")
            .ValidateOnStart();
        services.AddHttpClient(NationalWeatherServiceForecast.ClientName);
        services.AddSingleton<NormalsWeatherForecast>();
        services.AddSingleton<NationalWeatherServiceForecast>();
        services.AddSingleton<IWeatherForecast>(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Weather.Provider == WeatherProvider.NationalWeatherService
            ? sp.GetRequiredService<NationalWeatherServiceForecast>()
            : sp.GetRequiredService<NormalsWeatherForecast>());
        services.AddScoped<DeliveryPlanner>();
        services.AddTransient<ReleaseWeatherHoldsJob>();
    }

    /// <summary>
    /// Rating and carriers: the catalog, the staff's rate tables, and per carrier an <see cref="ICarrierRates"/> (the UPS
    /// and FedEx APIs when <c>OrderHub:Shipping:Carriers:&lt;code&gt;</c> has BaseUrl, ClientId, ClientSecret and
    /// AccountNumber, which then also sell labels as <see cref="ICarrierLabels"/>; else the simulated carrier that rates
    /// from the tables), and <see cref="ShippingRates"/> that asks them all at once.
    /// </summary>
    private static void RegisterRating(IServiceCollection services, ModuleContext context)
    {
        var carriers = context.Configuration.GetSection(CarrierSettings.SectionName);
        services.AddOptions<CarrierSettings>().Configure(o =>
        {
            foreach (var carrier in Enum.GetValues<Carrier>())
            {
                o.Carriers[carrier] = carriers.GetSection(carrier.ToString()).Get<CarrierAccountOptions>() ?? new CarrierAccountOptions();
            }

            if (carriers.GetValue<TimeSpan?>(nameof(CarrierSettings.RatingBudget)) is { } budget)
            {
                o.RatingBudget = budget;
            }
        });
        services.AddSingleton<CarrierCatalog>();
        services.AddSingleton<RateTableSource>();
        services.AddScoped<ShippingRates>();
        services.AddHttpClient(CarrierHttp.ClientName(Carrier.UPS));
        services.AddHttpClient(CarrierHttp.ClientName(Carrier.FedEx));
        services.AddSingleton(sp => new UpsCarrier(sp.GetRequiredService<IHttpClientFactory>(), Account(sp, Carrier.UPS), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FedExCarrier(sp.GetRequiredService<IHttpClientFactory>(), Account(sp, Carrier.FedEx), sp.GetRequiredService<TimeProvider>()));
        foreach (var carrier in Enum.GetValues<Carrier>())
        {
            var api = carrier switch { Carrier.UPS => typeof(UpsCarrier), Carrier.FedEx => typeof(FedExCarrier), _ => null };
            var configured = api is not null && (carriers.GetSection(carrier.ToString()).Get<CarrierAccountOptions>()?.IsApiConfigured ?? false);
            if (configured)
            {
                services.AddSingleton(sp => (ICarrierRates)sp.GetRequiredService(api!));
                services.AddSingleton(sp => (ICarrierLabels)sp.GetRequiredService(api!));
            }
            else
            {
                services.AddSingleton<ICarrierRates>(sp => new TableCarrierRates(carrier, sp.GetRequiredService<RateTableSource>()));
                services.AddScoped<ICarrierLabels>(sp => new SimulatedLabelDesk(carrier, sp));
            }
        }

        static CarrierAccountOptions Account(IServiceProvider sp, Carrier carrier) => sp.GetRequiredService<IOptions<CarrierSettings>>().Value.For(carrier);
    }

    private static void MapRating(IEndpointRouteBuilder endpoints)
    {
        var shipping = endpoints.MapGroup("/api/v1").WithTags(ModuleName);
        var reads = shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingRead);
        RateShipmentEndpoint.Map(reads); // a rating buys nothing: a read, whatever its verb
        RateTablesEndpoints.MapReads(reads);
        RateTablesEndpoints.MapWrites(shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingWrite));
    }
}
