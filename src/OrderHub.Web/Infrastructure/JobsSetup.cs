using Hangfire;
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
        services.AddHangfire(cfg =>
        {
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
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
                    cfg.UseInMemoryStorage();
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
