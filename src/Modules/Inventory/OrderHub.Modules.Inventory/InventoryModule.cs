using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.DemoData;
using OrderHub.Modules.Inventory.Domain.Allocation;
using OrderHub.Modules.Inventory.Features.AdjustStock;
using OrderHub.Modules.Inventory.Features.AllocateBackorders;
using OrderHub.Modules.Inventory.Features.ApplySupplierFeed;
using OrderHub.Modules.Inventory.Features.CountStock;
using OrderHub.Modules.Inventory.Features.CreateLocation;
using OrderHub.Modules.Inventory.Features.CreatePool;
using OrderHub.Modules.Inventory.Features.CreateProduct;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;
using OrderHub.Modules.Inventory.Features.GetChannelAvailability;
using OrderHub.Modules.Inventory.Features.GetLocation;
using OrderHub.Modules.Inventory.Features.GetLocationInventory;
using OrderHub.Modules.Inventory.Features.GetPool;
using OrderHub.Modules.Inventory.Features.GetProduct;
using OrderHub.Modules.Inventory.Features.GetPurchaseOrder;
using OrderHub.Modules.Inventory.Features.GetStockAvailability;
using OrderHub.Modules.Inventory.Features.GetTransfer;
using OrderHub.Modules.Inventory.Features.ImportCsv;
using OrderHub.Modules.Inventory.Features.ImportProducts;
using OrderHub.Modules.Inventory.Features.ImportStock;
using OrderHub.Modules.Inventory.Features.ListBackorders;
using OrderHub.Modules.Inventory.Features.ListLocationStock;
using OrderHub.Modules.Inventory.Features.ListProducts;
using OrderHub.Modules.Inventory.Features.ListReorderSuggestions;
using OrderHub.Modules.Inventory.Features.PullSupplierFeeds;
using OrderHub.Modules.Inventory.Features.QuarantineLot;
using OrderHub.Modules.Inventory.Features.RaiseReorderSuggestions;
using OrderHub.Modules.Inventory.Features.ReceivePurchaseOrder;
using OrderHub.Modules.Inventory.Features.ReceiveStock;
using OrderHub.Modules.Inventory.Features.ReceiveTransfer;
using OrderHub.Modules.Inventory.Features.ReleaseDuePools;
using OrderHub.Modules.Inventory.Features.ReleaseExpiredReservations;
using OrderHub.Modules.Inventory.Features.ReleasePool;
using OrderHub.Modules.Inventory.Features.ReleaseStock;
using OrderHub.Modules.Inventory.Features.ReserveStock;
using OrderHub.Modules.Inventory.Features.SetReorderPoint;
using OrderHub.Modules.Inventory.Features.SubmitPurchaseOrder;
using OrderHub.Modules.Inventory.Features.TransferStock;
using OrderHub.Modules.Inventory.Features.UpdateProduct;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory;

/// <summary>Composition root of the Inventory module: the host calls this and nothing else inside the module.</summary>
public sealed class InventoryModule : IModule
{
    public const string ModuleName = "Inventory";

    public string Name => ModuleName;

    public string Schema => InventoryDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(InventoryModule).Assembly, typeof(GetProductsBySkuQuery).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<InventoryDbContext, SqliteInventoryDbContext, SqlServerInventoryDbContext, PostgreSqlInventoryDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
        services.AddScoped<IDemoDataSeeder, InventoryDemoDataSeeder>();
        services.AddOptions<InventoryOptions>().Bind(context.Configuration.GetSection(InventoryOptions.SectionName))
            .Validate(o => o.ReservationExpiry > TimeSpan.Zero, $"{InventoryOptions.SectionName}:ReservationExpiry must be positive: set it to a duration such as 3.00:00:00.")
            .ValidateOnStart();
        services.AddSingleton<ILocationPreference, ConsumerLocationsFirst>(); // the seam Fulfillment's sourcing replaces
        services.AddSingleton<AllocationPlanner>();
        services.AddScoped<StockStore>();
        services.AddScoped<ReservationStore>();
        services.AddScoped<EfStockWriter>();
        if (context.Database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<ReservationSqlCache>();
            services.AddScoped<IStockWriter, PostgreSqlStockWriter>();
        }
        else
        {
            services.AddScoped<IStockWriter>(sp => sp.GetRequiredService<EfStockWriter>());
        }

        services.AddSingleton<CatalogFactsCache>();
        services.AddScoped<PoolStore>();
        services.AddSingleton<PoolChannelsCache>();
        services.AddTransient<ReleaseExpiredReservationsJob>();
        services.AddTransient<ReleaseDuePoolsJob>();
        services.AddScoped<CsvImportRunner>();
        services.AddTransient<AllocateBackordersJob>();
        services.AddTransient<RaiseReorderSuggestionsJob>();
        RegisterSupplierFeeds(services, context.Configuration);
    }

    /// <summary>
    /// One group for the module under <c>/api/v1</c>; inside it, each Swagger tag and scope is set once, on the sub-group its
    /// endpoints are mapped in (catalog reads and writes, inventory reads and writes, the module's status).
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        var catalog = api.MapGroup(string.Empty).WithTags("Catalog");
        var catalogReads = catalog.MapGroup(string.Empty).RequireAuthorization(ApiScopes.CatalogRead);
        var catalogWrites = catalog.MapGroup(string.Empty).RequireAuthorization(ApiScopes.CatalogWrite);
        GetProductEndpoint.Map(catalogReads);
        ListProductsEndpoint.Map(catalogReads);
        CreateProductEndpoint.Map(catalogWrites);
        UpdateProductEndpoint.Map(catalogWrites);
        ImportProductsEndpoint.Map(catalogWrites);

        var inventory = api.MapGroup(string.Empty).WithTags(ModuleName);
        var reads = inventory.MapGroup(string.Empty).RequireAuthorization(ApiScopes.InventoryRead);
        GetStockAvailabilityEndpoint.Map(reads);
        GetChannelAvailabilityEndpoint.Map(reads);
        GetLocationEndpoint.Map(reads);
        GetLocationInventoryEndpoint.Map(reads);
        ListLocationStockEndpoint.Map(reads);
        GetTransferEndpoint.Map(reads);
        GetPoolEndpoint.Map(reads);
        GetPurchaseOrderEndpoint.Map(reads);
        ListBackordersEndpoint.Map(reads);
        ListReorderSuggestionsEndpoint.Map(reads);

        var writes = inventory.MapGroup(string.Empty).RequireAuthorization(ApiScopes.InventoryWrite);
        CreateLocationEndpoint.Map(writes);
        ReceiveStockEndpoint.Map(writes);
        AdjustStockEndpoint.Map(writes);
        CountStockEndpoint.Map(writes);
        TransferStockEndpoint.Map(writes);
        ReceiveTransferEndpoint.Map(writes);
        ReserveStockEndpoint.Map(writes);
        ReleaseStockEndpoint.Map(writes);
        CreatePoolEndpoint.Map(writes);
        ReleasePoolEndpoint.Map(writes);
        ImportStockEndpoint.Map(writes);
        CreatePurchaseOrderEndpoint.Map(writes);
        ReceivePurchaseOrderEndpoint.Map(writes);
        SubmitPurchaseOrderEndpoint.Map(writes);
        SetReorderPointEndpoint.Map(writes);
        QuarantineLotEndpoint.Map(writes);
        ApplySupplierFeedEndpoint.Map(writes);
    }

    public void ScheduleJobs(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<ReleaseExpiredReservationsJob>("inventory-release-expired", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<ReleaseDuePoolsJob>("inventory-release-due-pools", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<AllocateBackordersJob>("inventory-allocate-backorders", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<RaiseReorderSuggestionsJob>("inventory-reorder-check", j => j.RunAsync(CancellationToken.None), Cron.Daily(6));
        jobs.AddOrUpdate<PullSupplierFeedsJob>("inventory-pull-supplier-feeds", j => j.RunAsync(CancellationToken.None), Cron.Hourly());
    }

    /// <summary>
    /// Supplier stock feeds: pushed to <c>PUT /inventory/supplier-feeds/{code}</c>, or pulled hourly through
    /// <see cref="ISupplierStockFeed"/> from suppliers with a <c>Url</c> under <c>OrderHub:SupplierFeeds:&lt;code&gt;</c>.
    /// </summary>
    private static void RegisterSupplierFeeds(IServiceCollection services, IConfiguration configuration)
    {
        var suppliers = configuration.GetSection(SupplierFeedOptions.SectionName);
        services.AddOptions<SupplierFeedOptions>().Configure(o =>
        {
            foreach (var supplier in suppliers.GetChildren())
            {
                o.Suppliers[supplier.Key] = supplier.Get<SupplierFeedEndpointOptions>() ?? new SupplierFeedEndpointOptions();
            }
        });
        services.AddSingleton<NoSupplierStockFeed>();
        services.AddHttpClient<HttpSupplierStockFeed>();
        services.AddScoped<ISupplierStockFeed, SupplierStockFeeds>();
        services.AddTransient<PullSupplierFeedsJob>();
    }
}
