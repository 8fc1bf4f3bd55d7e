using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment;

/// <summary>Composition root of the Fulfillment module: the host calls this and nothing else inside the module.</summary>
public sealed class FulfillmentModule : IModule
{
    public const string ModuleName = "Fulfillment";

    public string Name => ModuleName;

    public string Schema => FulfillmentDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(FulfillmentModule).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<FulfillmentDbContext, SqliteFulfillmentDbContext, SqlServerFulfillmentDbContext, PostgreSqlFulfillmentDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var fulfillment = endpoints.MapGroup("/api/v1").WithTags(ModuleName);
        var reads = fulfillment.MapGroup(string.Empty).RequireAuthorization(ApiScopes.FulfillmentRead);
        GetOrderFulfillmentsEndpoint.Map(reads);
    }
}
