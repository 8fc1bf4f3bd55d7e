using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// The reservation hot path on PostgreSQL in two round trips before the commit (the EF path takes five): one batch asks
/// whether the key is already used and reads every line's candidates; one batch inserts the reservation and its
/// allocations and runs every guarded stock update in id order. The rows affected of each update still decide every unit.
/// </summary>
internal sealed class PostgreSqlReservationPath(InventoryDbContext db, ReservationSqlCache sqlCache)
{
    /// <summary>The reservation path applies on PostgreSQL inside the command's transaction.</summary>
    public static bool AppliesTo(InventoryDbContext db) => db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null;

    /// <summary>Whether <paramref name="key"/> already names a reservation, and the candidates of <paramref name="skus"/> (as <see cref="StockStore.CandidatesAsync(IReadOnlyCollection{string}, CancellationToken)"/>).</summary>
    public async Task<(bool KeyUsed, List<StockCandidate> Candidates)> ReadAsync(string key, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var sql = sqlCache.For(db);
        return await WithBatchAsync(async batch =>
        {
            Add(batch, sql.KeyUsed, key);
            Add(batch, sql.Candidates, (object)skus.ToArray()); // one text[] parameter, not params expanded
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var keyUsed = await reader.ReadAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var candidates = new List<StockCandidate>();
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new StockCandidate(
                    reader.GetInt64(0), new StockKey(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)), reader.GetInt32(5)));
            }

            return (keyUsed, candidates);
        }, cancellationToken);
    }

    /// <summary>
    /// Inserts <paramref name="reservation"/> (when given) with its allocations, then applies the guarded holds (already
    /// merged and in id order), all in one round trip; returns the holds that applied. When that is not all of them the
    /// caller gives those back (and deletes the rows).
    /// </summary>
    public async Task<List<(long StockItemId, int Quantity)>> WriteAsync(
        Reservation? reservation, IReadOnlyList<(long StockItemId, int Quantity)> orderedHolds, CancellationToken cancellationToken)
    {
        var sql = sqlCache.For(db);
        return await WithBatchAsync(async batch =>
        {
            if (reservation is not null)
            {
                Add(batch, sql.InsertReservation, reservation.Key, reservation.Channel, reservation.Status.ToString(), reservation.CreatedAt, reservation.UpdatedAt, reservation.ExpiresAt);
                foreach (var a in reservation.Allocations)
                {
                    Add(batch, sql.InsertAllocation, a.ReservationKey, a.StockItemId, a.Sku, a.LocationCode, a.BinCode, a.Lot, a.Quantity);
                }
            }

            var firstHold = batch.BatchCommands.Count;
            foreach (var (id, quantity) in orderedHolds)
            {
                Add(batch, sql.GuardedReserve, id, quantity);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            var applied = new List<(long, int)>(orderedHolds.Count);
            for (var i = 0; i < orderedHolds.Count; i++)
            {
                if (batch.BatchCommands[firstHold + i].RecordsAffected == 1)
                {
                    applied.Add(orderedHolds[i]);
                }
            }

            return applied;
        }, cancellationToken);
    }

    private async Task<T> WithBatchAsync<T>(Func<DbBatch, Task<T>> run, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = db.Database.GetDbConnection().CreateBatch();
            batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return await run(batch);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Adds a statement whose positional parameters ($1, $2, ...) take <paramref name="values"/> in order.</summary>
    private static void Add(DbBatch batch, string sql, params object[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        foreach (var value in values)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
    }
}

/// <summary>The hot path's SQL, built once from the EF model so table and column names follow the mapping.</summary>
internal sealed class ReservationSqlCache
{
    private ReservationSql? _sql;

    public ReservationSql For(InventoryDbContext db) => _sql ??= ReservationSql.Build(db);
}

internal sealed record ReservationSql(string KeyUsed, string Candidates, string InsertReservation, string InsertAllocation, string GuardedReserve)
{
    public static ReservationSql Build(InventoryDbContext db)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var model = db.Model;
        var (reservations, r) = Table<Reservation>(model, helper);
        var (allocations, a) = Table<ReservationAllocation>(model, helper);
        var (stock, s) = Table<StockItem>(model, helper);
        var (locations, l) = Table<Location>(model, helper);
        return new ReservationSql(
            KeyUsed: $"SELECT 1 FROM {reservations} WHERE {r(nameof(Reservation.Key))} = $1",
            Candidates: $"SELECT s.{s(nameof(StockItem.Id))}, s.{s(nameof(StockItem.Sku))}, s.{s(nameof(StockItem.LocationCode))}, "
                + $"s.{s(nameof(StockItem.BinCode))}, s.{s(nameof(StockItem.Lot))}, s.{s(nameof(StockItem.OnHand))} - s.{s(nameof(StockItem.Reserved))} "
                + $"FROM {stock} AS s INNER JOIN {locations} AS l ON s.{s(nameof(StockItem.LocationCode))} = l.{l(nameof(Location.Code))} "
                + $"WHERE s.{s(nameof(StockItem.Sku))} = ANY($1) AND s.{s(nameof(StockItem.OnHand))} > s.{s(nameof(StockItem.Reserved))} "
                + $"ORDER BY s.{s(nameof(StockItem.Sku))}, l.{l(nameof(Location.ShipsToConsumers))} DESC, s.{s(nameof(StockItem.Lot))}, s.{s(nameof(StockItem.Id))}",
            InsertReservation: $"INSERT INTO {reservations} ({r(nameof(Reservation.Key))}, {r(nameof(Reservation.Channel))}, {r(nameof(Reservation.Status))}, "
                + $"{r(nameof(Reservation.CreatedAt))}, {r(nameof(Reservation.UpdatedAt))}, {r(nameof(Reservation.ExpiresAt))}) VALUES ($1, $2, $3, $4, $5, $6)",
            InsertAllocation: $"INSERT INTO {allocations} ({a(nameof(ReservationAllocation.ReservationKey))}, {a(nameof(ReservationAllocation.StockItemId))}, "
                + $"{a(nameof(ReservationAllocation.Sku))}, {a(nameof(ReservationAllocation.LocationCode))}, {a(nameof(ReservationAllocation.BinCode))}, "
                + $"{a(nameof(ReservationAllocation.Lot))}, {a(nameof(ReservationAllocation.Quantity))}) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            GuardedReserve: $"UPDATE {stock} SET {s(nameof(StockItem.Reserved))} = {s(nameof(StockItem.Reserved))} + $2 "
                + $"WHERE {s(nameof(StockItem.Id))} = $1 AND {s(nameof(StockItem.OnHand))} - {s(nameof(StockItem.Reserved))} >= $2");
    }

    private static (string Table, Func<string, string> Column) Table<TEntity>(IModel model, ISqlGenerationHelper helper)
    {
        var entity = model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (helper.DelimitIdentifier(table.Name, table.Schema), property => helper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!));
    }
}
