using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OrderHub.Modules.Inventory.Domain.Allocation;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Domain.Pools;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// The stock writer on PostgreSQL, in two round trips before the commit (the portable writer takes five or more): one
/// batch asks whether the key is already used and reads the snapshot; one batch inserts the reservation and its allocations
/// and runs every guarded pool draw and stock update in id order. The rows affected of each update still decide every unit;
/// giving back after a lost race goes through the portable writer.
/// </summary>
internal sealed class PostgreSqlStockWriter(InventoryDbContext db, ReservationSqlCache sqlCache, EfStockWriter portable) : IStockWriter
{
    public async Task<(bool KeyUsed, List<StockCandidate> Stock)> ReadAsync(
        string? reservationKey, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var sql = sqlCache.For(db);
        return await WithBatchAsync(async batch =>
        {
            if (reservationKey is not null)
            {
                Add(batch, sql.KeyUsed, reservationKey);
            }

            Add(batch, sql.Candidates, (object)skus.ToArray()); // one text[] parameter, not params expanded
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            if (reservationKey is not null)
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    return (true, new List<StockCandidate>());
                }

                await reader.NextResultAsync(cancellationToken);
            }

            var candidates = new List<StockCandidate>();
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new StockCandidate(
                    reader.GetInt64(0), new StockKey(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)), reader.GetInt32(5), reader.GetBoolean(6)));
            }

            return (false, candidates);
        }, cancellationToken);
    }

    public async Task<bool> TryHoldAllAsync(Reservation? reservation, IReadOnlyList<PlannedHold> holds, CancellationToken cancellationToken)
    {
        var sql = sqlCache.For(db);
        var (draws, reserves) = EfStockWriter.InLockOrder(holds);
        var (drawn, applied) = await WithBatchAsync(async batch =>
        {
            if (reservation is not null)
            {
                Add(batch, sql.InsertReservation, reservation.Key, reservation.Channel, reservation.Status.ToString(), reservation.CreatedAt, reservation.UpdatedAt, reservation.ExpiresAt);
                foreach (var a in reservation.Allocations)
                {
                    Add(batch, sql.InsertAllocation, a.ReservationKey, a.StockItemId, a.Sku, a.LocationCode, a.BinCode, a.Lot, a.Quantity, (object?)a.PoolName ?? DBNull.Value);
                }
            }

            var firstDraw = batch.BatchCommands.Count;
            foreach (var (id, quantity) in draws)
            {
                Add(batch, sql.GuardedDraw, id, quantity);
            }

            var firstHold = batch.BatchCommands.Count;
            foreach (var (id, quantity) in reserves)
            {
                Add(batch, sql.GuardedReserve, id, quantity);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            return (Applied(batch, firstDraw, draws), Applied(batch, firstHold, reserves));
        }, cancellationToken);

        if (drawn.Count == draws.Count && applied.Count == reserves.Count)
        {
            return true;
        }

        await portable.UndoAsync(reservation, drawn, applied, cancellationToken);
        return false;
    }

    private static List<(long Id, int Quantity)> Applied(DbBatch batch, int first, List<(long Id, int Quantity)> rows) =>
        [.. rows.Where((_, i) => batch.BatchCommands[first + i].RecordsAffected == 1)];

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

internal sealed record ReservationSql(string KeyUsed, string Candidates, string InsertReservation, string InsertAllocation, string GuardedDraw, string GuardedReserve)
{
    public static ReservationSql Build(InventoryDbContext db)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var model = db.Model;
        var (reservations, r) = Table<Reservation>(model, helper);
        var (allocations, a) = Table<ReservationAllocation>(model, helper);
        var (stock, s) = Table<StockItem>(model, helper);
        var (locations, l) = Table<Location>(model, helper);
        var (poolItems, p) = Table<AllocationPoolItem>(model, helper);
        return new ReservationSql(
            KeyUsed: $"SELECT 1 FROM {reservations} WHERE {r(nameof(Reservation.Key))} = $1",
            Candidates: $"SELECT s.{s(nameof(StockItem.Id))}, s.{s(nameof(StockItem.Sku))}, s.{s(nameof(StockItem.LocationCode))}, "
                + $"s.{s(nameof(StockItem.BinCode))}, s.{s(nameof(StockItem.Lot))}, s.{s(nameof(StockItem.OnHand))} - s.{s(nameof(StockItem.Reserved))}, "
                + $"l.{l(nameof(Location.ShipsToConsumers))} "
                + $"FROM {stock} AS s INNER JOIN {locations} AS l ON s.{s(nameof(StockItem.LocationCode))} = l.{l(nameof(Location.Code))} "
                + $"WHERE s.{s(nameof(StockItem.Sku))} = ANY($1) AND s.{s(nameof(StockItem.OnHand))} > s.{s(nameof(StockItem.Reserved))}",
            InsertReservation: $"INSERT INTO {reservations} ({r(nameof(Reservation.Key))}, {r(nameof(Reservation.Channel))}, {r(nameof(Reservation.Status))}, "
                + $"{r(nameof(Reservation.CreatedAt))}, {r(nameof(Reservation.UpdatedAt))}, {r(nameof(Reservation.ExpiresAt))}) VALUES ($1, $2, $3, $4, $5, $6)",
            InsertAllocation: $"INSERT INTO {allocations} ({a(nameof(ReservationAllocation.ReservationKey))}, {a(nameof(ReservationAllocation.StockItemId))}, "
                + $"{a(nameof(ReservationAllocation.Sku))}, {a(nameof(ReservationAllocation.LocationCode))}, {a(nameof(ReservationAllocation.BinCode))}, "
                + $"{a(nameof(ReservationAllocation.Lot))}, {a(nameof(ReservationAllocation.Quantity))}, {a(nameof(ReservationAllocation.PoolName))}) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            GuardedDraw: $"UPDATE {poolItems} SET {p(nameof(AllocationPoolItem.Remaining))} = {p(nameof(AllocationPoolItem.Remaining))} - $2 "
                + $"WHERE {p(nameof(AllocationPoolItem.Id))} = $1 AND {p(nameof(AllocationPoolItem.Remaining))} >= $2",
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
