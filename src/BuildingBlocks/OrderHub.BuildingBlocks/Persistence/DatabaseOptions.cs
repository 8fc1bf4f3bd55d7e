namespace OrderHub.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Bound from the <c>OrderHub:Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "OrderHub:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=orderhub.db";

    /// <summary>Apply migrations at start-up. Defaults to on for SQLite and off for servers, where
    /// production applies the idempotent scripts (see docs/operations.md).</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
