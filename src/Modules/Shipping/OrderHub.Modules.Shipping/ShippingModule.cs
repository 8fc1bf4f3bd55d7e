using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Shipping.Persistence;

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
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // None of its own yet: the host maps its status endpoint (ModuleStatusEndpoint) as for every module.
    }
}
