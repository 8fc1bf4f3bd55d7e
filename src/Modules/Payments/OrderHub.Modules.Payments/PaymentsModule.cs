using System.Reflection;
using Mediator;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Payments.Contracts.Queries;
using OrderHub.Modules.Payments.Features.GetModuleStatus;
using OrderHub.Modules.Payments.Persistence;

namespace OrderHub.Modules.Payments;

/// <summary>Composition root of the Payments module: the host calls this and nothing else inside the module.</summary>
public sealed class PaymentsModule : IModule
{
    public const string ModuleName = "Payments";

    public string Name => ModuleName;

    public string Schema => PaymentsDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(PaymentsModule).Assembly, typeof(GetPaymentsModuleStatusQuery).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<PaymentsDbContext, SqlitePaymentsDbContext, SqlServerPaymentsDbContext, PostgreSqlPaymentsDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        GetPaymentsModuleStatusEndpoint.Map(endpoints);
    }

    public IQuery<ModuleStatusDto> CreateStatusQuery() => new GetPaymentsModuleStatusQuery();
}
