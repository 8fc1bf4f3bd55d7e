using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderHub.Modules.Orders.Persistence;

/// <summary>
/// Hands out order numbers from a database sequence, so they stay unique across hosts without a hot counter row
/// (a sequence never waits for other transactions). On PostgreSQL a host takes <see cref="PostgreSqlBlockSize"/>
/// values in one round trip and hands them out from memory (<see cref="OrderNumberBlock"/>): numbers stay unique but
/// hosts interleave, and a restart skips what its block had left (a sequence has gaps anyway). SQLite has no
/// sequences: an AUTOINCREMENT table stands in.
/// </summary>
internal sealed class OrderNumberAllocator(OrdersDbContext db, OrderNumberBlock block)
{
    public const string Prefix = "OH-";
    public const int PostgreSqlBlockSize = 32;
    private const long Offset = 100_000;

    public async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        var isPostgreSql = db.Database.IsNpgsql();
        if (!isPostgreSql || !block.TryTake(out var value))
        {
            var values = await FetchAsync(isPostgreSql ? PostgreSqlBlockSize : 1, cancellationToken);
            value = values[0];
            block.Add(values.Skip(1));
        }

        return $"{Prefix}{Offset + value}";
    }

    private async Task<List<long>> FetchAsync(int count, CancellationToken cancellationToken)
    {
        var sql = db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" => $"SELECT NEXT VALUE FOR [{OrdersDbContext.SchemaName}].[{OrdersDbContext.OrderNumberSequence}]",
            "Npgsql.EntityFrameworkCore.PostgreSQL" =>
                $"SELECT nextval('{OrdersDbContext.SchemaName}.\"{OrdersDbContext.OrderNumberSequence}\"') FROM generate_series(1, {count})",
            _ => $"INSERT INTO \"{OrdersDbContext.SchemaName}_{OrdersDbContext.OrderNumberTable}\" DEFAULT VALUES RETURNING \"Value\"",
        };
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var values = new List<long>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return values;
    }
}

/// <summary>This host's order numbers taken from the sequence but not yet handed out.</summary>
internal sealed class OrderNumberBlock
{
    private readonly ConcurrentQueue<long> _values = new();

    public bool TryTake(out long value) => _values.TryDequeue(out value);

    public void Add(IEnumerable<long> values)
    {
        foreach (var value in values)
        {
            _values.Enqueue(value);
        }
    }
}

/// <summary>SQLite only: one row per allocated order number.</summary>
internal sealed class OrderNumberAllocation
{
    public long Value { get; set; }
}
