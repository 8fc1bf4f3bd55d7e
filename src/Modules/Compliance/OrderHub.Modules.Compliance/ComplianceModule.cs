using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Compliance.DemoData;
using OrderHub.Modules.Compliance.Features.GetComplianceDecision;
using OrderHub.Modules.Compliance.Features.GetComplianceReport;
using OrderHub.Modules.Compliance.Features.Permits;
using OrderHub.Modules.Compliance.Features.Rules;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance;

/// <summary>Composition root of the Compliance module: the host calls this and nothing else inside the module.</summary>
public sealed class ComplianceModule : IModule
{
    public const string ModuleName = "Compliance";

    public string Name => ModuleName;

    public string Schema => ComplianceDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(ComplianceModule).Assembly, typeof(DecideComplianceCommand).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<ComplianceDbContext, SqliteComplianceDbContext, SqlServerComplianceDbContext, PostgreSqlComplianceDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
        services.AddScoped<RuleBook>();
        services.AddSingleton<RuleSeedState>();
        services.AddScoped<IDemoDataSeeder, ComplianceDemoDataSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var compliance = endpoints.MapGroup("/api/v1/compliance").WithTags(ModuleName);
        var reads = compliance.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ComplianceRead);
        var writes = compliance.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ComplianceWrite);
        ComplianceRulesEndpoint.Map(reads, writes);
        WineryPermitsEndpoint.Map(reads, writes);
        GetComplianceDecisionEndpoint.Map(reads);
        GetComplianceReportEndpoint.Map(reads);
    }
}
