using Npgsql;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>For tests where a row lock held by the test stands in for another writer (PostgreSQL).</summary>
internal static class PostgresLocks
{
    /// <summary>A transaction that has run <paramref name="update"/> (one row, <c>@id</c>) and so holds that row's lock until it ends.</summary>
    public static async Task<NpgsqlTransaction> HoldRowAsync(TestDatabase database, string update, object id, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(update, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"No row to hold: {update}");
        }

        return transaction;
    }

    /// <summary>Until a session of <paramref name="database"/> waits for a lock (the code under test reached the held row).</summary>
    public static async Task WaitForLockWaitAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await waiting.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException("Nothing came to wait on the row the test holds.");
    }
}
