using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.DemoData;
using OrderHub.Modules.Inventory.Features.AdjustStock;
using OrderHub.Modules.Inventory.Features.AllocateBackorders;
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
using OrderHub.Modules.Inventory.Features.ListReorderSuggestions;
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
        services.AddScoped<StockStore>();
        services.AddScoped<ReservationStore>();
        services.AddScoped<PostgreSqlReservationPath>();
        services.AddSingleton<ReservationSqlCache>();
        services.AddSingleton<CatalogFactsCache>();
        services.AddScoped<PoolStore>();
        services.AddSingleton<PoolChannelsCache>();
        services.AddScoped<IdempotencyStore>();
        services.AddTransient<ReleaseExpiredReservationsJob>();
        services.AddTransient<ReleaseDuePoolsJob>();
        services.AddScoped<CsvImportRunner>();
        services.AddTransient<AllocateBackordersJob>();
        services.AddTransient<RaiseReorderSuggestionsJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        GetProductEndpoint.Map(endpoints);
        GetStockAvailabilityEndpoint.Map(endpoints);
        CreateProductEndpoint.Map(endpoints);
        CreateLocationEndpoint.Map(endpoints);
        ReceiveStockEndpoint.Map(endpoints);
        AdjustStockEndpoint.Map(endpoints);
        TransferStockEndpoint.Map(endpoints);
        ReceiveTransferEndpoint.Map(endpoints);
        ReserveStockEndpoint.Map(endpoints);
        ReleaseStockEndpoint.Map(endpoints);
        GetLocationEndpoint.Map(endpoints);
        GetTransferEndpoint.Map(endpoints);
        CreatePoolEndpoint.Map(endpoints);
        GetPoolEndpoint.Map(endpoints);
        ReleasePoolEndpoint.Map(endpoints);
        GetLocationInventoryEndpoint.Map(endpoints);
        GetChannelAvailabilityEndpoint.Map(endpoints);
        ImportProductsEndpoint.Map(endpoints);
        ImportStockEndpoint.Map(endpoints);
        CreatePurchaseOrderEndpoint.Map(endpoints);
        GetPurchaseOrderEndpoint.Map(endpoints);
        ReceivePurchaseOrderEndpoint.Map(endpoints);
        SubmitPurchaseOrderEndpoint.Map(endpoints);
        ListBackordersEndpoint.Map(endpoints);
        SetReorderPointEndpoint.Map(endpoints);
        ListReorderSuggestionsEndpoint.Map(endpoints);
    }

    public void ScheduleJobs(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<ReleaseExpiredReservationsJob>("inventory-release-expired", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<ReleaseDuePoolsJob>("inventory-release-due-pools", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<AllocateBackordersJob>("inventory-allocate-backorders", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<RaiseReorderSuggestionsJob>("inventory-reorder-check", j => j.RunAsync(CancellationToken.None), Cron.Daily(6));
    }
}
