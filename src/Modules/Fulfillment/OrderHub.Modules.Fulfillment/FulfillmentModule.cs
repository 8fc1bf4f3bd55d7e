using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Dropship;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Features.ConfirmPicks;
using OrderHub.Modules.Fulfillment.Features.CreatePickList;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;
using OrderHub.Modules.Fulfillment.Features.GetPackingSlip;
using OrderHub.Modules.Fulfillment.Features.GetPickList;
using OrderHub.Modules.Fulfillment.Features.GetPurchaseOrderDocument;
using OrderHub.Modules.Fulfillment.Features.GetSourcingDecision;
using OrderHub.Modules.Fulfillment.Features.LocationSettings;
using OrderHub.Modules.Fulfillment.Features.PackFulfillment;
using OrderHub.Modules.Fulfillment.Features.QuoteFulfillment;
using OrderHub.Modules.Fulfillment.Features.ReportDropshipShipment;
using OrderHub.Modules.Fulfillment.Features.ResourceStuckWork;
using OrderHub.Modules.Fulfillment.Features.SourcingRules;
using OrderHub.Modules.Fulfillment.Packing.Cartonization;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Picking;
using OrderHub.Modules.Fulfillment.Sourcing;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace OrderHub.Modules.Fulfillment;

/// <summary>Composition root of the Fulfillment module: the host calls this and nothing else inside the module.</summary>
public sealed class FulfillmentModule : IModule
{
    public const string ModuleName = "Fulfillment";

    public string Name => ModuleName;

    public string Schema => FulfillmentDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(FulfillmentModule).Assembly, typeof(OrderSourcedIntegrationEvent).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<FulfillmentDbContext, SqliteFulfillmentDbContext, SqlServerFulfillmentDbContext, PostgreSqlFulfillmentDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
        services.AddSingleton<ZoneAndWeightCostEstimator>();
        services.AddSingleton<RateCardCostEstimator>();
        services.AddSingleton<IShippingCostEstimator>(sp => sp.GetRequiredService<RateCardCostEstimator>()); // Shipping's rate tables
        services.AddSingleton(SourcingPolicy.Default);
        services.AddSingleton<SourcingPlanner>();
        services.AddScoped<SourcingInputs>();
        services.AddScoped<StaffSourcingRules>();
        services.AddScoped<LocationDays>();
        services.AddTransient<ResourceStuckWorkJob>();
        services.AddScoped<IInternalCommandHandler<SourceOrder>, SourceOrderHandler>();
        services.AddSingleton(BoxCatalog.Default);
        services.AddSingleton<Cartonizer>();
        services.AddScoped<PickedStock>();
        services.AddScoped<IInternalCommandHandler<PinPickedStock>, PinPickedStockHandler>();
        services.AddScoped<IInternalCommandHandler<SettlePickedStock>, SettlePickedStockHandler>();
        services.AddScoped<IInternalCommandHandler<SourceShortfall>, SourceShortfallHandler>();
        services.AddScoped<IInternalCommandHandler<ReleaseFulfillmentStock>, ReleaseFulfillmentStockHandler>();
        RegisterDropship(services, context.Configuration);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var fulfillment = endpoints.MapGroup("/api/v1").WithTags(ModuleName);
        var reads = fulfillment.MapGroup(string.Empty).RequireAuthorization(ApiScopes.FulfillmentRead);
        GetOrderFulfillmentsEndpoint.Map(reads);
        GetPickListEndpoints.Map(reads);
        GetPackingSlipEndpoint.Map(reads);
        SourcingRulesEndpoints.MapReads(reads);
        LocationSettingsEndpoints.MapReads(reads);
        GetSourcingDecisionEndpoint.Map(reads);
        GetPurchaseOrderDocumentEndpoint.Map(reads);
        QuoteFulfillmentEndpoint.Map(reads); // a quote reserves nothing: a read, whatever its verb
        var writes = fulfillment.MapGroup(string.Empty).RequireAuthorization(ApiScopes.FulfillmentWrite);
        CreatePickListEndpoint.Map(writes);
        ConfirmPicksEndpoint.Map(writes);
        PackFulfillmentEndpoint.Map(writes);
        SourcingRulesEndpoints.MapWrites(writes);
        LocationSettingsEndpoints.MapWrites(writes);
        ReportDropshipShipmentEndpoint.Map(writes);
    }

    /// <summary>Warehouse work left off pick lists past its location's deadline is sourced elsewhere, every 15 minutes.</summary>
    public void ScheduleJobs(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<ResourceStuckWorkJob>(ResourceStuckWorkJob.JobId, j => j.RunAsync(CancellationToken.None), "*/15 * * * *");
    }

    /// <summary>
    /// Dropship: purchase orders go through <see cref="ISupplierGateway"/>, the HTTP adapter for suppliers configured
    /// under <c>OrderHub:Suppliers:&lt;code&gt;</c> (BaseUrl, ApiToken), the built-in supplier inbox for the others.
    /// </summary>
    private static void RegisterDropship(IServiceCollection services, IConfiguration configuration)
    {
        var suppliers = configuration.GetSection(SupplierOptions.SectionName);
        services.AddOptions<SupplierOptions>().Configure(o =>
        {
            foreach (var supplier in suppliers.GetChildren())
            {
                o.Endpoints[supplier.Key] = supplier.Get<SupplierEndpointOptions>() ?? new SupplierEndpointOptions();
            }
        });
        services.AddOptions<DropshipBuyerOptions>().Bind(configuration.GetSection(DropshipBuyerOptions.SectionName));
        services.AddSingleton<BuiltInSupplierInbox>();
        services.AddHttpClient<HttpSupplierGateway>();
        services.AddScoped<ISupplierGateway, SupplierGateways>();
        services.AddScoped<IInternalCommandHandler<SendPurchaseOrder>, SendPurchaseOrderHandler>();
    }
}
