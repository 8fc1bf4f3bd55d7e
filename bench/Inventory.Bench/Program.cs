using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Inventory;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Features.GetStockAvailability;
using OrderHub.Modules.Inventory.Features.ReserveStock;
using OrderHub.Modules.Inventory.Persistence;

// Drives the real Inventory handlers (and the real unit-of-work behaviour) against PostgreSQL, without HTTP.
// Usage: dotnet run -c Release -- [--server "Host=...;Username=...;Password=..."] [--skus 100000] [--locations 10]
//        [--clients 32] [--hot 10] [--lines 1] [--seconds 20] [--lookups 5000] [--fresh]
// --lines N: each reservation holds 1 unit of N different hot SKUs (N guarded updates, one DbBatch on PostgreSQL).
var options = Args.Parse(args);
var database = "inventory_bench";
var server = new NpgsqlConnectionStringBuilder(options.Server);
var cs = new NpgsqlConnectionStringBuilder(options.Server) { Database = database, MaxPoolSize = 200 }.ConnectionString;

await EnsureDatabaseAsync(server, database, options.Fresh);

var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<OutboxSignal>();
new InventoryModule().Register(services, new ModuleContext(new ConfigurationBuilder().Build(), new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = cs }));
await using var provider = services.BuildServiceProvider();

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
    await db.Database.MigrateAsync();
    if (!await db.Products.AnyAsync())
    {
        await SeedAsync(cs, options);
    }
}

Console.WriteLine($"PostgreSQL {server.Host}:{server.Port}/{database}; {options.Skus:N0} SKUs x {options.Locations} locations; {Environment.ProcessorCount} cores");

// 1. Availability lookups: GET /api/v1/inventory/{sku}'s handler, one client, random SKUs.
var random = new Random(42);
var latencies = new List<double>(options.Lookups);
for (var i = 0; i < options.Lookups + 500; i++)
{
    var sku = SkuOf(random.Next(options.Skus));
    var started = Stopwatch.GetTimestamp();
    await using (var scope = provider.CreateAsyncScope())
    {
        var handler = ActivatorUtilities.CreateInstance<GetStockAvailabilityHandler>(scope.ServiceProvider);
        var result = await handler.Handle(new GetStockAvailabilityQuery(sku), CancellationToken.None);
        if (result.Locations.Count != options.Locations)
        {
            throw new InvalidOperationException($"{sku}: expected {options.Locations} locations, got {result.Locations.Count}.");
        }
    }

    if (i >= 500)
    {
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

latencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"availability lookup: n={latencies.Count} p50={Pct(latencies, 0.50):0.00} ms p90={Pct(latencies, 0.90):0.00} ms p99={Pct(latencies, 0.99):0.00} ms max={latencies[^1]:0.00} ms"));

// 2. Reservations: N clients contending for the hot SKUs, 1 unit each, through the unit of work like Mediator would.
var reserved = 0L;
var refused = 0L;
var failed = 0L;
Exception? firstFailure = null;
var run = true;
var measuring = false;
var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
{
    var r = new Random(c);
    while (Volatile.Read(ref run))
    {
        var first = r.Next(options.Hot);
        var command = new ReserveStockCommand(Guid.NewGuid().ToString("N"), "Web",
            [.. Enumerable.Range(0, options.Lines).Select(l => new StockLine(SkuOf((first + l) % options.Hot), 1))]);
        try
        {
            await using var scope = provider.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var handler = ActivatorUtilities.CreateInstance<ReserveStockHandler>(sp);
            var uow = ActivatorUtilities.CreateInstance<UnitOfWorkBehavior<ReserveStockCommand, StockReservationDto>>(sp);
            var result = await uow.Handle(command, (m, ct) => handler.Handle(m, ct), CancellationToken.None);
            if (Volatile.Read(ref measuring))
            {
                Interlocked.Increment(ref result.Reserved ? ref reserved : ref refused);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or NpgsqlException or InvalidOperationException)
        {
            Interlocked.Increment(ref failed);
            Interlocked.CompareExchange(ref firstFailure, ex, null);
        }
    }
})).ToList();

await Task.Delay(TimeSpan.FromSeconds(3)); // warm-up
Volatile.Write(ref measuring, true);
var clock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
Volatile.Write(ref measuring, false);
var elapsed = clock.Elapsed.TotalSeconds;
Volatile.Write(ref run, false);
await Task.WhenAll(clients);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"reservations: {options.Clients} clients on {options.Hot} hot SKUs, {options.Lines} line(s) each, for {elapsed:0.0} s: {reserved / elapsed:0} reserved/s ({reserved:N0} reserved, {refused:N0} refused, {failed:N0} failed)"));
if (firstFailure is not null)
{
    Console.WriteLine($"first failure: {firstFailure.GetType().Name}: {firstFailure.Message}");
}

// 3. Integrity: what the stock items hold equals what the reservations hold, and nothing is oversold.
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
    var held = await db.StockItems.SumAsync(s => (long)s.Reserved);
    var allocated = await db.ReservationAllocations.SumAsync(a => (long)a.Quantity);
    var negative = await db.StockItems.CountAsync(s => s.OnHand - s.Reserved < 0);
    Console.WriteLine($"integrity: reserved on stock items {held:N0}, in allocations {allocated:N0}, rows with negative availability {negative}");
}

static string SkuOf(int i) => $"S{i:D6}";

static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task EnsureDatabaseAsync(NpgsqlConnectionStringBuilder server, string database, bool fresh)
{
    await using var admin = new NpgsqlConnection(server.ConnectionString);
    await admin.OpenAsync();
    if (fresh)
    {
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
    exists.Parameters.AddWithValue("n", database);
    if (await exists.ExecuteScalarAsync() is null)
    {
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }
}

static async Task SeedAsync(string cs, Args options)
{
    var started = Stopwatch.StartNew();
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using (var locations = await conn.BeginBinaryImportAsync(
        "COPY inventory.\"Locations\" (\"Code\", \"Name\", \"Type\", \"Line1\", \"City\", \"Region\", \"PostalCode\", \"Country\", \"ShipsToConsumers\") FROM STDIN (FORMAT BINARY)"))
    {
        for (var l = 0; l < options.Locations; l++)
        {
            await locations.WriteRowAsync(default, $"L{l:D2}", $"Location {l}", "Warehouse", "1 Main St", "Napa", "CA", "94558", "US", l % 2 == 0);
        }

        await locations.CompleteAsync();
    }

    await using (var products = await conn.BeginBinaryImportAsync(
        "COPY inventory.\"Products\" (\"Sku\", \"Name\", \"Price\", \"Currency\", \"WeightGrams\", \"IsAlcohol\", \"Varietal\", \"Vintage\", \"VolumeMl\", \"UnitsPerCase\") FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < options.Skus; i++)
        {
            await products.StartRowAsync();
            await products.WriteAsync(SkuOf(i));
            await products.WriteAsync($"Wine {i}");
            await products.WriteAsync(25m + (i % 100), NpgsqlDbType.Numeric);
            await products.WriteAsync("USD");
            await products.WriteAsync(1400);
            await products.WriteAsync(true);
            await products.WriteAsync("Cabernet Sauvignon");
            await products.WriteAsync(2000 + (i % 25));
            await products.WriteAsync(750);
            await products.WriteAsync(12);
        }

        await products.CompleteAsync();
    }

    await using (var stock = await conn.BeginBinaryImportAsync(
        "COPY inventory.\"StockItems\" (\"Sku\", \"LocationCode\", \"BinCode\", \"Lot\", \"OnHand\", \"Reserved\") FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < options.Skus; i++)
        {
            for (var l = 0; l < options.Locations; l++)
            {
                await stock.WriteRowAsync(default, SkuOf(i), $"L{l:D2}", "B-01", $"LOT-{l}", i < options.Hot ? 100_000_000 : 1_000, 0);
            }
        }

        await stock.CompleteAsync();
    }

    await using (var analyze = new NpgsqlCommand("ANALYZE", conn))
    {
        await analyze.ExecuteNonQueryAsync();
    }

    Console.WriteLine($"seeded {options.Skus:N0} SKUs x {options.Locations} locations in {started.Elapsed.TotalSeconds:0.0} s");
}

internal sealed record Args(string Server, int Skus, int Locations, int Clients, int Hot, int Lines, int Seconds, int Lookups, bool Fresh)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new Args(
            Get("--server", Environment.GetEnvironmentVariable("ORDERHUB_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55440;Database=orderhub;Username=orderhub;Password=orderhub"),
            Int("--skus", 100_000), Int("--locations", 10), Int("--clients", 32), Int("--hot", 10), Math.Clamp(Int("--lines", 1), 1, Int("--hot", 10)), Int("--seconds", 20), Int("--lookups", 5_000),
            args.Contains("--fresh"));
    }
}
