using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

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

    /// <summary>The SQLite file next to the host: a server provider must be given its own connection string.</summary>
    public const string DefaultConnectionString = "Data Source=orderhub.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>Apply migrations at start-up. Defaults to on for SQLite and off for servers, where
    /// production applies the idempotent scripts (see docs/operations.md).</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;

    /// <summary>What is wrong with these settings, as a line naming the key and what to set; null when they can be used.</summary>
    public string? Problem()
    {
        if (!Enum.IsDefined(Provider))
        {
            return $"{SectionName}:Provider '{Provider}' is unknown: set it to Sqlite, SqlServer or PostgreSql.";
        }

        if (string.IsNullOrWhiteSpace(ConnectionString)
            || (Provider != DatabaseProvider.Sqlite && ConnectionString.Trim() == DefaultConnectionString))
        {
            return $"{SectionName}:ConnectionString is not set: set it to the {Provider} connection string.";
        }

        try
        {
            DbConnectionStringBuilder parsed = Provider switch
            {
                DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(ConnectionString),
                DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(ConnectionString),
                _ => new SqliteConnectionStringBuilder(ConnectionString),
            };
            return parsed.Count == 0 ? $"{SectionName}:ConnectionString is empty: set it to the {Provider} connection string." : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The message says which keyword is wrong; the connection string itself may hold a password, so it is not repeated.
            return $"{SectionName}:ConnectionString is not a {Provider} connection string ({ex.Message}): set it to one.";
        }
    }
}
