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
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Features.AddOrderNote;
using OrderHub.Modules.Orders.Features.CancelOrder;
using OrderHub.Modules.Orders.Features.ChangeOrder;
using OrderHub.Modules.Orders.Features.ConsolidateOrders;
using OrderHub.Modules.Orders.Features.FollowSourcing;
using OrderHub.Modules.Orders.Features.GetOrderDetails;
using OrderHub.Modules.Orders.Features.ImportOrders;
using OrderHub.Modules.Orders.Features.MarketplaceOrders;
using OrderHub.Modules.Orders.Features.PlaceHold;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Features.ReleaseHold;
using OrderHub.Modules.Orders.Features.ReshipOrder;
using OrderHub.Modules.Orders.Features.SearchOrders;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders;

/// <summary>Composition root of the Orders module: the host calls this and nothing else inside the module.</summary>
public sealed class OrdersModule : IModule
{
    public const string ModuleName = "Orders";

    private bool _commerce7Enabled;
    private string _commerce7Schedule = "*/5 * * * *";

    public string Name => ModuleName;

    public string Schema => OrdersDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(OrdersModule).Assembly, typeof(OrderReceivedIntegrationEvent).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<OrdersDbContext, SqliteOrdersDbContext, SqlServerOrdersDbContext, PostgreSqlOrdersDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
        services.AddScoped<OrderNumberAllocator>();
        services.AddSingleton<OrderNumberBlock>();
        services.AddScoped<OrderPricing>();
        services.AddScoped<PlacementProcess>();
        services.AddScoped<IInternalCommandHandler<ContinuePlacement>, ContinuePlacementHandler>();
        services.AddScoped<IInternalCommandHandler<RetryPendingAuthorization>, RetryPendingAuthorizationHandler>();
        services.AddScoped<IInternalCommandHandler<RecheckComplianceForOrigin>, RecheckComplianceForOriginHandler>();
        services.AddScoped<ImportedOrderPlacer>();
        services.AddScoped<OrderCsvImport>();
        var commerce7 = context.Configuration.GetSection(Commerce7Options.SectionName);
        services.AddOptions<Commerce7Options>().Bind(commerce7)
            .Validate(
                o => o.IsConfigured || new[] { o.AppId, o.AppSecret, o.Tenant }.All(string.IsNullOrWhiteSpace),
                $"{Commerce7Options.SectionName} is partly set: set AppId, AppSecret and Tenant together (or none of them to turn the pull off).")
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), $"{Commerce7Options.SectionName}:BaseUrl is not an absolute URL: set it to https://api.commerce7.com/v1.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Schedule), $"{Commerce7Options.SectionName}:Schedule is empty: set it to a cron expression such as */5 * * * *.")
            .Validate(o => o.MaxPagesPerRun >= 1, $"{Commerce7Options.SectionName}:MaxPagesPerRun must be at least 1.")
            .ValidateOnStart();
        var commerce7Options = commerce7.Get<Commerce7Options>();
        _commerce7Enabled = commerce7Options?.IsConfigured == true;
        _commerce7Schedule = commerce7Options?.Schedule ?? _commerce7Schedule;
        services.AddHttpClient<Commerce7OrderSource>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<IMarketplaceOrderSource>(sp => sp.GetRequiredService<Commerce7OrderSource>());
        services.AddScoped<MarketplaceOrderPull>();
        services.AddTransient<PullMarketplaceOrdersJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/v1").WithTags(ModuleName);
        var reads = orders.MapGroup(string.Empty).RequireAuthorization(ApiScopes.OrdersRead);
        SearchOrdersEndpoint.Map(reads);
        GetOrderDetailsEndpoint.Map(reads);

        var writes = orders.MapGroup(string.Empty).RequireAuthorization(ApiScopes.OrdersWrite);
        PlaceOrderEndpoint.Map(writes);
        ImportOrdersEndpoint.Map(writes);
        CancelOrderEndpoint.Map(writes);
        ChangeOrderEndpoint.Map(writes);
        ConsolidateOrdersEndpoint.Map(writes);
        PlaceHoldEndpoint.Map(writes);
        ReleaseHoldEndpoint.Map(writes);
        AddOrderNoteEndpoint.Map(writes);
        ReshipOrderEndpoint.Map(writes);
    }

    public void ScheduleJobs(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.RemoveIfExists("orders-resume-placements"); // placement's steps are outbox rows now (ADR 0004)
        if (_commerce7Enabled)
        {
            jobs.AddOrUpdate<PullMarketplaceOrdersJob>(PullMarketplaceOrdersJob.JobId, j => j.RunAsync(CancellationToken.None), _commerce7Schedule);
        }
        else
        {
            jobs.RemoveIfExists(PullMarketplaceOrdersJob.JobId);
        }
    }
}
