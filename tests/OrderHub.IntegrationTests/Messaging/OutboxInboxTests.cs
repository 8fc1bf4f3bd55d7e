using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Messaging;

/// <summary>Orders → Notifications through the outbox and the inbox: nothing lost, nothing doubled.</summary>
public abstract class OutboxInboxTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    [Fact]
    public async Task A_placed_order_is_announced_through_the_outbox_and_queues_exactly_one_confirmation()
    {
        fixture.RequireProvider();
        var app = fixture.App;
        var number = await PlaceAsync(app);

        (await PendingOutboxAsync(app, number)).ShouldBe(1);
        (await EmailsForAsync(app, number)).ShouldBe(0);

        await app.DispatchOutboxAsync();
        await app.DispatchOutboxAsync();

        (await EmailsForAsync(app, number)).ShouldBe(1);
        (await PendingOutboxAsync(app, number)).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_event_has_no_second_effect()
    {
        fixture.RequireProvider();
        var app = fixture.App;
        var number = await PlaceAsync(app);
        await app.DispatchOutboxAsync();

        // As if the host died after the consumers ran but before the row was marked processed.
        await app.InScopeAsync(sp => sp.GetRequiredService<OrdersDbContext>().OutboxMessages
            .Where(m => m.Payload.Contains(number))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), Ct));
        (await app.DispatchOutboxAsync()).ShouldBeGreaterThanOrEqualTo(1);

        (await EmailsForAsync(app, number)).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_duplicate_deliveries_have_one_effect()
    {
        fixture.RequireProvider();
        var app = fixture.App;
        var number = $"OH-T{Random.Shared.Next(100_000, 999_999)}";
        var duplicate = new OrderReceivedIntegrationEvent(Guid.NewGuid(), number, "Web", "dup@example.com", "Dup Licate", [new("CAB-2019-750", 1)]);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IPublisher>().Publish(duplicate, Ct);
            return true;
        })));

        (await EmailsForAsync(app, number)).ShouldBe(1);
    }

    [Fact]
    public async Task A_message_claimed_by_a_live_host_is_left_alone_and_one_whose_lease_expired_is_taken_over()
    {
        fixture.RequireProvider();
        var app = fixture.App;
        var number = await PlaceAsync(app);
        await SetClaimAsync(app, number, DateTimeOffset.UtcNow.AddMinutes(5));
        await app.DispatchOutboxAsync();
        (await EmailsForAsync(app, number)).ShouldBe(0);

        await SetClaimAsync(app, number, DateTimeOffset.UtcNow.AddSeconds(-1));
        await app.DispatchOutboxAsync();
        (await EmailsForAsync(app, number)).ShouldBe(1);
    }

    [Fact]
    public async Task A_crash_between_commit_and_dispatch_loses_nothing()
    {
        fixture.RequireProvider();
        await using var database = (await CreateDatabaseAsync())!;
        string number;
        await using (var first = new OrderHubApp(database))
        {
            number = await PlaceAsync(first);
        } // the host is gone before its dispatcher ran

        await using var restarted = new OrderHubApp(database);
        _ = restarted.Server;
        (await PendingOutboxAsync(restarted, number)).ShouldBe(1);
        await restarted.DispatchOutboxAsync();
        (await EmailsForAsync(restarted, number)).ShouldBe(1);
    }

    [Fact]
    public async Task The_background_dispatcher_delivers_soon_after_commit()
    {
        fixture.RequireProvider();
        await using var database = (await CreateDatabaseAsync())!;
        await using var app = new OrderHubApp(database, new Dictionary<string, string?> { ["OrderHub:Outbox:DispatcherEnabled"] = "true" });
        var number = await PlaceAsync(app);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await EmailsForAsync(app, number) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        (await EmailsForAsync(app, number)).ShouldBe(1);
    }

    [Fact]
    public async Task Two_hosts_dispatching_at_once_deliver_every_message_exactly_once()
    {
        fixture.RequireProvider();
        await using var database = (await CreateDatabaseAsync())!;
        await using var hostA = new OrderHubApp(database);
        _ = hostA.Server;
        await using var hostB = new OrderHubApp(database);
        _ = hostB.Server;
        var numbers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            numbers.Add(await PlaceAsync(i % 2 == 0 ? hostA : hostB));
        }

        await Task.WhenAll(hostA.DispatchOutboxAsync(), hostB.DispatchOutboxAsync(), hostA.DispatchOutboxAsync(), hostB.DispatchOutboxAsync());

        foreach (var number in numbers)
        {
            (await EmailsForAsync(hostA, number)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task A_backlog_larger_than_one_batch_drains_without_waiting_a_poll_interval_per_batch()
    {
        fixture.RequireProvider();
        await using var database = (await CreateDatabaseAsync())!;
        var numbers = new List<string>();
        await using (var first = new OrderHubApp(database))
        {
            for (var i = 0; i < 6; i++)
            {
                numbers.Add(await PlaceAsync(first));
            }
        } // six confirmations waiting, and no commit left to wake a dispatcher

        await using var dispatching = new OrderHubApp(database, new Dictionary<string, string?>
        {
            ["OrderHub:Outbox:DispatcherEnabled"] = "true",
            ["OrderHub:Outbox:BatchSize"] = "2",
            ["OrderHub:Outbox:PollInterval"] = "00:05:00",
        });
        _ = dispatching.Server;

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Task.WhenAll(numbers.Select(n => EmailsForAsync(dispatching, n)))).Sum() < numbers.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        foreach (var number in numbers)
        {
            (await EmailsForAsync(dispatching, number)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Events_waiting_side_by_side_are_handled_together_once_each_and_one_that_cannot_be_holds_back_none_of_the_others()
    {
        fixture.RequireProvider();
        await using var database = (await CreateDatabaseAsync())!;
        await using var app = new OrderHubApp(database);

        // Five announcements in a row, one of them handled before (its host died before marking it processed).
        var first = NewAnnouncements(5);
        await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IPublisher>().Publish(first[1], Ct);
            return true;
        });
        await WriteToOutboxAsync(app, first, poisoned: null);
        await app.DispatchOutboxAsync();

        foreach (var e in first)
        {
            (await EmailsForAsync(app, e.OrderNumber)).ShouldBe(1, e.OrderNumber);
        }

        // The four new ones were handled in one unit of work (a module's deliveries go one at a time).
        var now = first.Where((_, i) => i != 1).Select(e => e.Id).ToList();
        var handledAt = await app.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().InboxMessages.AsNoTracking()
            .Where(m => now.Contains(m.MessageId) && m.Handler.EndsWith("QueueReceivedEmailHandler")).Select(m => m.ProcessedAt).ToListAsync(Ct));
        handledAt.Count.ShouldBe(4);
        handledAt.Distinct().Count().ShouldBe(1, "one unit of work's inbox rows share its moment");

        // Three more, the middle one impossible to handle (no lines): the other two are not held back by it.
        var second = NewAnnouncements(3);
        await WriteToOutboxAsync(app, second, poisoned: second[1]);
        await app.DispatchOutboxAsync();

        (await EmailsForAsync(app, second[0].OrderNumber)).ShouldBe(1);
        (await EmailsForAsync(app, second[2].OrderNumber)).ShouldBe(1);
        (await EmailsForAsync(app, second[1].OrderNumber)).ShouldBe(0);
        var messages = await app.InScopeAsync(sp => sp.GetRequiredService<OrdersDbContext>().OutboxMessages.AsNoTracking().ToListAsync(Ct));
        var failed = messages.Single(m => m.Id == second[1].Id);
        (failed.ProcessedAt, failed.Attempts).ShouldBe((null, 1), "only the event that cannot be handled waits for a retry");
        failed.LastError.ShouldNotBeNullOrEmpty();
        messages.Where(m => m.Id != second[1].Id).ShouldAllBe(m => m.ProcessedAt != null);
    }

    [Fact]
    public async Task A_delivery_wakes_the_dispatcher_loops_of_the_outboxes_it_wrote_to_and_no_others()
    {
        fixture.RequireProvider();
        await using var database = (await CreateDatabaseAsync())!;
        await using var app = new OrderHubApp(database);
        await PlaceAsync(app); // ready to fulfil: its events wait in Orders' outbox, and Fulfillment's consumer writes a step of its own

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var signal = app.Services.GetRequiredService<OutboxSignal>();
        var others = dispatcher.Modules.Where(m => m.Module != "Orders").ToList();
        var before = await DueOutboxRowsAsync(app, others);
        var wakes = others.ToDictionary(m => m.Module, m => signal.Next(m.ContextType));

        (await dispatcher.DispatchModuleAsync(dispatcher.Modules.Single(m => m.Module == "Orders"), Ct)).ShouldBeGreaterThan(0);

        var after = await DueOutboxRowsAsync(app, others);
        var wrote = others.Where(m => after[m.Module] > before[m.Module]).Select(m => m.Module).ToList();
        wrote.ShouldContain("Fulfillment");
        others.Where(m => wakes[m.Module].IsCompleted).Select(m => m.Module).ShouldBe(wrote, ignoreOrder: true, "a loop is woken when, and only when, its outbox has new work");
    }

    /// <summary>Each module's outbox rows due now (not processed, not claimed, not held for later).</summary>
    private static Task<Dictionary<string, int>> DueOutboxRowsAsync(OrderHubApp app, List<ModuleDatabase> modules) =>
        app.InScopeAsync(async sp =>
        {
            var counts = new Dictionary<string, int>();
            foreach (var module in modules)
            {
                var db = (ModuleDbContext)sp.GetRequiredService(module.ContextType);
                counts[module.Module] = await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.LockedUntil == null, Ct);
            }

            return counts;
        });

    private static List<OrderReceivedIntegrationEvent> NewAnnouncements(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new OrderReceivedIntegrationEvent(
            Guid.NewGuid(), $"OH-B{Random.Shared.Next(100_000, 999_999)}{i}", "Web", $"batch{i}@example.com", "Bat Ch", [new("CAB-2019-750", 1)]))];

    private static Task<int> WriteToOutboxAsync(OrderHubApp app, List<OrderReceivedIntegrationEvent> events, OrderReceivedIntegrationEvent? poisoned) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrdersDbContext>();
            events.ForEach(db.AddIntegrationEvent);
            if (poisoned is not null)
            {
                var payload = JsonNode.Parse(JsonSerializer.Serialize(poisoned, IntegrationEventTypes.JsonOptions))!;
                payload["lines"] = null;
                db.OutboxMessages.Local.Single(m => m.Id == poisoned.Id).Payload = payload.ToJsonString();
            }

            return await db.SaveChangesAsync(Ct);
        });

    private static async Task<string> PlaceAsync(OrderHubApp app)
    {
        var response = await OrderHubApp.PlaceOrderAsync(app.CreateApiClient(), Infrastructure.Orders.ValidBody());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("number").GetString()!;
    }

    /// <summary>The order's acknowledgements (its received email; the confirmation follows once the order is ready).</summary>
    private static Task<int> EmailsForAsync(OrderHubApp app, string number) =>
        app.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().EmailMessages.CountAsync(e => e.OrderNumber == number && e.Kind == "OrderReceived", Ct));

    /// <summary>The order's announcement (OrderReceived) still waiting in the outbox; its ready-to-fulfil event travels beside it.</summary>
    private static Task<int> PendingOutboxAsync(OrderHubApp app, string number) =>
        app.InScopeAsync(sp => sp.GetRequiredService<OrdersDbContext>().OutboxMessages.CountAsync(
            m => m.ProcessedAt == null && m.Payload.Contains(number) && m.Type.Contains(nameof(OrderReceivedIntegrationEvent)), Ct));

    private static Task<int> SetClaimAsync(OrderHubApp app, string number, DateTimeOffset until) =>
        app.InScopeAsync(sp => sp.GetRequiredService<OrdersDbContext>().OutboxMessages
            .Where(m => m.Payload.Contains(number))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "another-host").SetProperty(m => m.LockedUntil, until), Ct));
}

public sealed class OutboxInboxTestsOnSqlite(SqliteHostFixture fixture) : OutboxInboxTests(fixture), IClassFixture<SqliteHostFixture>
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.CreateSqlite());
}

public sealed class OutboxInboxTestsOnPostgres(PostgresHostFixture fixture) : OutboxInboxTests(fixture), IClassFixture<PostgresHostFixture>
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() => await TestDatabase.CreatePostgresAsync(TestDatabase.PostgresServer!);
}
