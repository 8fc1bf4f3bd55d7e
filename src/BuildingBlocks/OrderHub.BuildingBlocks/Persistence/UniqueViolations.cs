using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// Recognises the unique-key violation that is an expected outcome, not a fault: a parallel request claimed the same
/// idempotency key (or the same inbox message) first, and the loser is answered as a replay. The code that catches it
/// logs it at Debug; the host keeps EF Core's own error lines for it out of the log, and every other database error
/// stays an error.
/// </summary>
public static class UniqueViolations
{
    /// <summary>
    /// Tables whose key is an idempotency claim, in any module's schema (on SQLite, prefixed "orders_"): also a carton's
    /// SSCC serial and the simulated carrier's sale, which a label purchase inserts first and reads back on a conflict.
    /// </summary>
    private static readonly string[] IdempotencyTables = ["IdempotentRequests", "AppliedChanges", "InboxMessages", "SsccSerials", "SimulatedLabels"];

    /// <summary>True when the exception (or one inside it) is a unique violation on an idempotency table, on any provider.</summary>
    public static bool IsIdempotencyClaim(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState == PostgresErrorCodes.UniqueViolation && IsIdempotencyTable(pg.TableName);
                case SqliteException sqlite:
                    // SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE: "UNIQUE constraint failed: orders_IdempotentRequests.Key"
                    return sqlite.SqliteExtendedErrorCode is 1555 or 2067 && IsIdempotencyTable(SqliteTable(sqlite.Message));
                case SqlException sql:
                    // 2627 (primary key or unique constraint), 2601 (unique index): "... in object 'orders.IdempotentRequests'."
                    return sql.Number is 2627 or 2601
                        && IdempotencyTables.Any(t => sql.Message.Contains($".{t}'", StringComparison.Ordinal));
                default:
                    break;
            }
        }

        return false;
    }

    private static string? SqliteTable(string message)
    {
        const string marker = "constraint failed: ";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var dot = message.IndexOf('.', start);
        return dot < 0 ? null : message[start..dot];
    }

    private static bool IsIdempotencyTable(string? table) =>
        table is not null && IdempotencyTables.Any(t => table == t || table.EndsWith("_" + t, StringComparison.Ordinal));
}
