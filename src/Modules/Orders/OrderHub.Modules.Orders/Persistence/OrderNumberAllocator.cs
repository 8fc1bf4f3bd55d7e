using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderHub.Modules.Orders.Persistence;

/// <summary>
/// Hands out order numbers from a database sequence, so they stay unique across hosts without a hot counter row
/// (a sequence never waits for other transactions). SQLite has no sequences: an AUTOINCREMENT table stands in.
/// </summary>
internal sealed class OrderNumberAllocator(OrdersDbContext db)
{
    public const string Prefix = "OH-";
    private const long Offset = 100_000;

    public async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        var sql = db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" => $"SELECT NEXT VALUE FOR [{OrdersDbContext.SchemaName}].[{OrdersDbContext.OrderNumberSequence}]",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => $"SELECT nextval('{OrdersDbContext.SchemaName}.\"{OrdersDbContext.OrderNumberSequence}\"')",
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
        var value = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return $"{Prefix}{Offset + value}";
    }
}

/// <summary>SQLite only: one row per allocated order number.</summary>
internal sealed class OrderNumberAllocation
{
    public long Value { get; set; }
}
