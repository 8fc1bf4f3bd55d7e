using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Web.Access;

namespace OrderHub.Web.Infrastructure;

/// <summary>Bound from <c>OrderHub:DemoData</c>.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "OrderHub:DemoData";

    public bool Enabled { get; set; }

    /// <summary>With <see cref="Enabled"/>: also orders at every stage of the journey (tests that count stock turn it off).</summary>
    public bool Orders { get; set; } = true;
}

/// <summary>Start-up work before the host takes traffic: migrations (when configured), access bootstrap, demo data.</summary>
internal static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OrderHub.Startup");

        if (database.ShouldMigrateOnStartup)
        {
            await MigrateAsync(services.GetRequiredService<AccessDbContext>(), "access", logger, cancellationToken);
            foreach (var module in services.GetServices<ModuleDatabase>())
            {
                await MigrateAsync((DbContext)services.GetRequiredService(module.ContextType), module.Schema, logger, cancellationToken);
            }
        }

        await services.GetRequiredService<AccessBootstrapper>()
            .RunAsync(services.GetRequiredService<IOptions<BootstrapOptions>>().Value, cancellationToken);

        if (services.GetRequiredService<IOptions<DemoDataOptions>>().Value.Enabled)
        {
            foreach (var seeder in services.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }
    }

    private static async Task MigrateAsync(DbContext db, string schema, ILogger logger, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; set once per database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to schema {Schema}", pending.Count, schema);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
