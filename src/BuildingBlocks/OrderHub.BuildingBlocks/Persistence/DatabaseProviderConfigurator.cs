using Microsoft.EntityFrameworkCore;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>Points a module's DbContext at the configured provider with a migrations history table of its own.</summary>
public static class DatabaseProviderConfigurator
{
    public static DbContextOptionsBuilder UseModuleDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, string schema)
    {
        ArgumentNullException.ThrowIfNull(builder);
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
