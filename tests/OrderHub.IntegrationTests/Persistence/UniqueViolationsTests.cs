using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Persistence;

/// <summary>
/// Only a unique violation on an idempotency table counts as an expected race (its EF error lines are not written);
/// the same violation on any other table, or any other error, stays a fault logged at Error. Real provider exceptions.
/// </summary>
public sealed class UniqueViolationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_sqlite_only_a_duplicate_key_in_an_idempotency_table_is_an_expected_race()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await AssertAsync(connection, "orders_IdempotentRequests", "inventory_Products");
    }

    [Fact]
    public async Task On_postgresql_only_a_duplicate_key_in_an_idempotency_table_is_an_expected_race()
    {
        if (TestDatabase.PostgresServer is not { } server)
        {
            Assert.Skip($"No PostgreSQL server: set {TestDatabase.PostgresVariable}.");
            return;
        }

        await using var database = await TestDatabase.CreatePostgresAsync(server);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await AssertAsync(connection, "IdempotentRequests", "Products");
    }

    private static async Task AssertAsync(DbConnection connection, string idempotencyTable, string otherTable)
    {
        foreach (var table in new[] { idempotencyTable, otherTable })
        {
            await ExecuteAsync(connection, $"CREATE TABLE \"{table}\" (\"Key\" varchar(50) PRIMARY KEY)");
            await ExecuteAsync(connection, $"INSERT INTO \"{table}\" (\"Key\") VALUES ('k')");
        }

        UniqueViolations.IsIdempotencyClaim(await FailureAsync(connection, $"INSERT INTO \"{idempotencyTable}\" (\"Key\") VALUES ('k')")).ShouldBeTrue();
        UniqueViolations.IsIdempotencyClaim(await FailureAsync(connection, $"INSERT INTO \"{otherTable}\" (\"Key\") VALUES ('k')")).ShouldBeFalse();
        UniqueViolations.IsIdempotencyClaim(await FailureAsync(connection, $"INSERT INTO \"{idempotencyTable}\" (\"NoSuchColumn\") VALUES ('k')")).ShouldBeFalse();
        UniqueViolations.IsIdempotencyClaim(new InvalidOperationException("wrapped", await FailureAsync(connection, $"INSERT INTO \"{idempotencyTable}\" (\"Key\") VALUES ('k')")))
            .ShouldBeTrue();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<Exception> FailureAsync(DbConnection connection, string sql) =>
        await Should.ThrowAsync<DbException>(() => ExecuteAsync(connection, sql));
}
