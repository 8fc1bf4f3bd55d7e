using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Web.Infrastructure;

/// <summary>Bound from <c>OrderHub:Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "OrderHub:Jobs";

    /// <summary>Run a Hangfire server in this host (every host does by default; jobs spread across them).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);
}

internal static class JobsSetup
{
    /// <summary>Hangfire storage follows the database: SQL Server and PostgreSQL share jobs across hosts; SQLite runs single-host in memory
    /// (durability comes from the outbox, which is in the database).</summary>
    public static IServiceCollection AddOrderHubJobs(this IServiceCollection services, DatabaseOptions database, JobsOptions jobs)
    {
        // Each host owns its in-memory store, registered before AddHangfire (whose default hands a host the static
        // JobStorage.Current, whichever host configured it last). Registered as an instance, so stopping a host does not
        // dispose it: Hangfire's static filters read JobStorage.Current, and a disposed one there breaks them for every
        // other host in the process (tests run many).
        var inMemory = database.Provider is DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql ? null : new InMemoryStorage();
        if (inMemory is not null)
        {
            services.AddSingleton<JobStorage>(inMemory);
        }

        services.AddHangfire(cfg =>
        {
            // Hangfire logs through a process-wide provider. The default wraps this host's logger factory, which is
            // disposed when the host stops; any Hangfire type first used after that (another host, in tests) throws.
            // Serilog's static logger, which this host writes through anyway, outlives every host.
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseSerilogLogProvider();
            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    cfg.UseSqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { SchemaName = "hangfire" });
                    break;
                case DatabaseProvider.PostgreSql:
                    cfg.UsePostgreSqlStorage(
                        o => o.UseNpgsqlConnection(database.ConnectionString),
                        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                default:
                    cfg.UseStorage(inMemory!);
                    break;
            }
        });
        if (jobs.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddTransient<OutboxSweepJob>();
        services.AddTransient<OutboxPurgeJob>();
        return services;
    }

    public static void ScheduleRecurringJobs(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<OutboxSweepJob>("outbox-sweep", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<OutboxPurgeJob>("outbox-purge", j => j.RunAsync(CancellationToken.None), Cron.Daily(3));
        foreach (var module in ModuleCatalog.All)
        {
            module.ScheduleJobs(recurring);
        }
    }
}
