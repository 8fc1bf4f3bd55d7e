using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>Points a module's DbContext at the configured provider with a migrations history table of its own.</summary>
public static class DatabaseProviderConfigurator
{
    public static DbContextOptionsBuilder UseModuleDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, string schema)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // EF Core's "Failed executing DbCommand" line carries no exception, so it cannot tell a lost idempotency claim (an
        // expected unique violation, answered as a replay) from a fault: Debug. Every failure is logged again, with its
        // exception, where it surfaces: SaveChanges ("An exception occurred in the database while saving changes", Error
        // unless UniqueViolations.IsIdempotencyClaim), a query ("An exception occurred while iterating over the results
        // of a query", Error), or the caller (the host's exception handler, the outbox dispatcher, Hangfire).
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug)));
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(
                connectionString, o => o.MigrationsHistoryTable($"__EFMigrationsHistory_{schema}")),
            DatabaseProvider.SqlServer => builder.UseSqlServer(
                connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory", schema)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(
                PostgreSqlConnectionDefaults.Apply(connectionString), o => o.MigrationsHistoryTable("__EFMigrationsHistory", schema)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }
}
