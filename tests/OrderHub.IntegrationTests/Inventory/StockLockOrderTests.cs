using Npgsql;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Inventory.Contracts.Commands;
using Shouldly;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>
/// Giving a reservation's units back, or committing them when they ship, locks the stock rows in the one order every
/// writer uses (by stock item id), so it never deadlocks with a checkout reserving the same rows: under load PostgreSQL
/// aborted one of the two, and the checkout answered 409. A row lock held by the test stands in for the checkout
/// (PostgreSQL only: SQLite has one writer).
/// </summary>
public sealed class StockLockOrderTests(PostgresHostFixture fixture) : IClassFixture<PostgresHostFixture>
{
    private const string ReserveOne = """UPDATE inventory."StockItems" SET "Reserved" = "Reserved" + 1 WHERE "Id" = @id""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("release")]
    [InlineData("commit")]
    public async Task Giving_back_or_committing_a_reservation_never_deadlocks_with_a_checkout_reserving_the_same_rows(string closing)
    {
        fixture.RequireProvider();
        await using var database = await TestDatabase.CreatePostgresAsync(TestDatabase.PostgresServer!);
        await using var app = new OrderHubApp(database);
        var client = app.CreateApiClient();
        // Z's stock row is made first (the lower id), A's second, while the reservation's holds are made in SKU order: A, then Z.
        var (a, z) = (InventoryApi.NewSku("A"), InventoryApi.NewSku("Z"));
        foreach (var sku in new[] { z, a })
        {
            await InventoryApi.CreateProductAsync(client, sku);
            await InventoryApi.ReceiveAsync(client, sku, 5);
        }

        var key = Guid.NewGuid().ToString();
        (await InventoryApi.SendAsync(app, new ReserveStockCommand(key, "Web", [new StockLine(a, 1), new StockLine(z, 1)]))).Reserved.ShouldBeTrue();
        var (zRow, aRow) = (await StockRowAsync(database, z), await StockRowAsync(database, a));
        zRow.ShouldBeLessThan(aRow);

        // A checkout has reserved Z (the lower id, so first) and is about to reserve A.
        await using var checkout = await ReserveOneAsync(database, zRow);
        var closed = closing == "release"
            ? InventoryApi.SendAsync(app, new ReleaseStockCommand(key, "Cancelled"))
            : InventoryApi.SendAsync(app, new CommitStockCommand(key));
        await PostgresLocks.WaitForLockWaitAsync(database, Ct);
        await using (var second = new NpgsqlCommand(ReserveOne, checkout.Connection!, checkout))
        {
            second.Parameters.AddWithValue("id", aRow);
            (await second.ExecuteNonQueryAsync(Ct)).ShouldBe(1, "the checkout reserves A: the release must not hold it while it waits for Z");
        }

        await checkout.CommitAsync(Ct);
        (await closed).ShouldBeTrue();
        var (aAt, zAt) = (await InventoryApi.AtAsync(client, a, "NAPA-WH"), await InventoryApi.AtAsync(client, z, "NAPA-WH"));
        (aAt.Reserved, zAt.Reserved).ShouldBe((1, 1), "only the checkout's units stay held");
        (aAt.OnHand, zAt.OnHand).ShouldBe(closing == "release" ? (5, 5) : (4, 4));
    }

    private static async Task<long> StockRowAsync(TestDatabase database, string sku)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var id = new NpgsqlCommand("""SELECT "Id" FROM inventory."StockItems" WHERE "Sku" = @sku""", connection);
        id.Parameters.AddWithValue("sku", sku);
        return (long)(await id.ExecuteScalarAsync(Ct))!;
    }

    private static Task<NpgsqlTransaction> ReserveOneAsync(TestDatabase database, long stockRow) =>
        PostgresLocks.HoldRowAsync(database, ReserveOne, stockRow, Ct);
}
