using System.Reflection;
using Mediator;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>
/// What the host needs from a module to compose it: services, endpoints and a status probe.
/// Each module exposes exactly one public implementation (e.g. <c>OrdersModule</c>).
/// </summary>
public interface IModule
{
    /// <summary>Human name, e.g. "Orders"; also the Serilog <c>Module</c> property.</summary>
    string Name { get; }

    /// <summary>The module's database schema, e.g. "orders".</summary>
    string Schema { get; }

    /// <summary>The module's internal assembly (handlers, validators) and its contracts assembly.</summary>
    IReadOnlyList<Assembly> Assemblies { get; }

    void Register(IServiceCollection services, ModuleContext context);

    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>A query answered by the module itself through Mediator (a cheap end-to-end ping).</summary>
    IQuery<ModuleStatusDto> CreateStatusQuery();

    /// <summary>Registers the module's recurring background jobs (Hangfire spreads them over the hosts). Default: none.</summary>
    void ScheduleJobs(Hangfire.IRecurringJobManager jobs)
    {
    }
}

/// <summary>What a module is told at registration.</summary>
public sealed record ModuleContext(IConfiguration Configuration, Persistence.DatabaseOptions Database);

/// <summary>The answer of a module's status query.</summary>
public sealed record ModuleStatusDto(string Module, string Schema, bool DatabaseReachable, int PendingOutboxMessages);
