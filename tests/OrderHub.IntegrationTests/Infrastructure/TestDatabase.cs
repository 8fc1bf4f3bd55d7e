using Microsoft.Data.Sqlite;
using Npgsql;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>A throwaway real database: a SQLite file, or a fresh database on the PostgreSQL server named by
/// <c>ORDERHUB_TEST_POSTGRES</c> (which <c>.ci/run</c> starts).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ORDERHUB_TEST_POSTGRES";

    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static TestDatabase CreateSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "orderhub-tests");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }

            return Task.CompletedTask;
        });
    }

    public static async Task<TestDatabase> CreatePostgresAsync(string server)
    {
        var name = $"orderhub_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
                {
                    // An autovacuum worker (a superuser process) is in the database and a non-superuser may not end it:
                    // it finishes within moments, so wait and drop again.
                    await Task.Delay(250);
                }
            }
        });
    }

    /// <summary>A database whose server lifetime someone else owns (e.g. a Testcontainers SQL Server).</summary>
    public static TestDatabase ForServer(DatabaseProvider provider, string connectionString) =>
        new(provider, connectionString, () => Task.CompletedTask);

    public async ValueTask DisposeAsync() => await _drop();
}
