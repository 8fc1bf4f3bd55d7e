using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Notifications.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Messaging;

/// <summary>
/// The dispatcher on a server database, where deliveries run side by side: a delivery that loses a race to another
/// writer runs again at once, and one module's stuck delivery never holds another module's messages. A row lock held by
/// the test stands in for the other writer (PostgreSQL only: SQLite has one writer and one dispatch loop).
/// </summary>
public sealed class OutboxConcurrencyTests(PostgresHostFixture fixture) : IClassFixture<PostgresHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_delivery_that_loses_a_race_to_another_writer_runs_again_at_once_instead_of_after_the_back_off()
    {
        fixture.RequireProvider();
        await using var database = await TestDatabase.CreatePostgresAsync(TestDatabase.PostgresServer!);
        await using var app = new OrderHubApp(database);
        var (orderId, number) = await PlaceAsync(app);
        await DispatchUntilSourcedIsPendingAsync(app, number);

        // Another writer changes the order while Orders records the sourcing: it holds the row, then commits a new version.
        await using var writer = await LockOrderAsync(database, orderId);
        var dispatch = app.DispatchOutboxAsync();
        await PostgresLocks.WaitForLockWaitAsync(database, Ct);
        await writer.CommitAsync(Ct);
        await dispatch;

        var sourced = await SourcedMessageAsync(app, number);
        sourced.ProcessedAt.ShouldNotBeNull("the lost race was run again in the same sweep");
        sourced.Attempts.ShouldBe(0, "no failed attempt was recorded, so no back-off was waited");
        (await TimelineEventsAsync(database, orderId, "Sourced")).ShouldBe(1);
    }

    [Fact]
    public async Task A_module_whose_delivery_is_stuck_does_not_hold_the_messages_of_another_module()
    {
        fixture.RequireProvider();
        await using var database = await TestDatabase.CreatePostgresAsync(TestDatabase.PostgresServer!);
        await using var setup = new OrderHubApp(database);
        var (orderId, number) = await PlaceAsync(setup);
        await DispatchUntilSourcedIsPendingAsync(setup, number);

        // Fulfillment's OrderSourced delivery waits on a row the test holds...
        await using var writer = await LockOrderAsync(database, orderId);
        await using var dispatching = new OrderHubApp(database, new Dictionary<string, string?> { ["OrderHub:Outbox:DispatcherEnabled"] = "true" });
        _ = dispatching.Server;
        await PostgresLocks.WaitForLockWaitAsync(database, Ct);

        // ...while a new order's announcement, from the Orders outbox, reaches Notifications.
        var (_, second) = await PlaceAsync(dispatching);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await ReceivedEmailsAsync(dispatching, second) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        (await ReceivedEmailsAsync(dispatching, second)).ShouldBe(1);
        (await SourcedMessageAsync(dispatching, number)).ProcessedAt.ShouldBeNull("the stuck delivery is still waiting on the test's lock");
        await writer.RollbackAsync(Ct);
    }

    private static async Task<(Guid Id, string Number)> PlaceAsync(OrderHubApp app)
    {
        var response = await OrderHubApp.PlaceOrderAsync(app.CreateApiClient(), Infrastructure.Orders.ValidBody());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        return (root.GetProperty("id").GetGuid(), root.GetProperty("number").GetString()!);
    }

    /// <summary>Sweeps until Fulfillment has sourced the order and its OrderSourced event waits for Orders.</summary>
    private static async Task DispatchUntilSourcedIsPendingAsync(OrderHubApp app, string number)
    {
        for (var sweep = 0; sweep < 6; sweep++)
        {
            if (await app.InScopeAsync(sp => sp.GetRequiredService<FulfillmentDbContext>().OutboxMessages.AnyAsync(
                    m => m.ProcessedAt == null && m.Type.Contains(nameof(OrderSourcedIntegrationEvent)) && m.Payload.Contains(number), Ct)))
            {
                return;
            }

            await app.DispatchOutboxAsync();
        }

        throw new InvalidOperationException($"Order {number} was not sourced after 6 sweeps.");
    }

    private static Task<OutboxMessage> SourcedMessageAsync(OrderHubApp app, string number) =>
        app.InScopeAsync(sp => sp.GetRequiredService<FulfillmentDbContext>().OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Type.Contains(nameof(OrderSourcedIntegrationEvent)) && m.Payload.Contains(number), Ct));

    private static async Task<long> TimelineEventsAsync(TestDatabase database, Guid orderId, string name)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM orders."OrderTimeline" WHERE "OrderId" = @id AND "Event" = @name""", connection);
        count.Parameters.AddWithValue("id", orderId);
        count.Parameters.AddWithValue("name", name);
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }

    private static Task<NpgsqlTransaction> LockOrderAsync(TestDatabase database, Guid orderId) =>
        PostgresLocks.HoldRowAsync(database, """UPDATE orders."Orders" SET "Version" = "Version" + 1 WHERE "Id" = @id""", orderId, Ct);

    private static Task<int> ReceivedEmailsAsync(OrderHubApp app, string number) =>
        app.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().EmailMessages.CountAsync(e => e.OrderNumber == number && e.Kind == "OrderReceived", Ct));
}
