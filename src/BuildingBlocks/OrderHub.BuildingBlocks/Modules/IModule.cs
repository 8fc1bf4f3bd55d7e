using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>
/// What the host needs from a module to compose it: services, endpoints, and a schema the status query probes.
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

    /// <summary>The module's own endpoints; the host maps its status endpoint (<see cref="ModuleStatusEndpoint"/>) too.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Registers the module's recurring background jobs (Hangfire spreads them over the hosts). Default: none.</summary>
    void ScheduleJobs(Hangfire.IRecurringJobManager jobs)
    {
    }
}

/// <summary>What a module is told at registration.</summary>
public sealed record ModuleContext(IConfiguration Configuration, Persistence.DatabaseOptions Database);

/// <summary>The answer of a module's status query.</summary>
/// <param name="Module">The module's name.</param>
/// <param name="Schema">Its database schema (the status URL's segment).</param>
/// <param name="DatabaseReachable">Whether its database answered.</param>
/// <param name="PendingOutboxMessages">Messages due now and not yet delivered (work waiting, or failing and retried); -1 when the database is unreachable.</param>
/// <param name="ScheduledOutboxMessages">Steps queued for a later time (a label packed ahead for its day): not work waiting yet.</param>
public sealed record ModuleStatusDto(string Module, string Schema, bool DatabaseReachable, int PendingOutboxMessages, int ScheduledOutboxMessages);
