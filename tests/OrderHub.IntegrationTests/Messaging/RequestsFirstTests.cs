using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Messaging;

/// <summary>Background deliveries give way to the requests the host is answering (checkouts first), and only wait.</summary>
public abstract class RequestsFirstTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    [Fact]
    public async Task A_background_delivery_waits_for_a_slot_while_a_checkout_is_being_answered_and_goes_once_it_has_been()
    {
        fixture.RequireProvider();
        await using var database = (await CreateDatabaseAsync())!;
        await using var app = new OrderHubApp(database, new Dictionary<string, string?> { ["OrderHub:Outbox:MaxBackgroundDeliveriesWhileServing"] = "1" });
        var client = app.CreateApiClient();
        var requestsFirst = app.Services.GetRequiredService<RequestsFirst>();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var orders = dispatcher.Modules.Single(m => m.Module == "Orders");

        // A checkout in flight: the host has its headers and waits for its body.
        var body = new TaskCompletionSource();
        var checkout = await HeldRequests.StartCheckoutAsync(app, client, body.Task, Ct);

        // With the slot free, an order's announcement is delivered meanwhile.
        var first = await PlaceAsync(client);
        (await dispatcher.DispatchModuleAsync(orders, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBeGreaterThan(0);
        (await ReceivedEmailsAsync(app, first)).ShouldBe(1);

        // The one slot taken (as by another module's delivery): the next order's announcement waits.
        var second = await PlaceAsync(client);
        var taken = await requestsFirst.BackgroundSlotAsync(Ct);
        var dispatch = dispatcher.DispatchModuleAsync(orders, Ct);
        await Task.Delay(1000, Ct);
        dispatch.IsCompleted.ShouldBeFalse("a background delivery gives way while a request is answered and the slots are taken");
        (await ReceivedEmailsAsync(app, second)).ShouldBe(0);

        // The checkout is answered: the waiting delivery goes at once, though the slot is still taken.
        body.SetResult();
        (await checkout).StatusCode.ShouldBe(HttpStatusCode.Created);
        requestsFirst.RequestsInFlight.ShouldBe(0);
        (await dispatch.WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBeGreaterThan(0);
        (await ReceivedEmailsAsync(app, second)).ShouldBe(1, "nothing waiting is lost: the announcement was delivered");
        taken.Dispose();
    }

    private static async Task<string> PlaceAsync(HttpClient client)
    {
        var placed = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody());
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        return JsonDocument.Parse(await placed.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("number").GetString()!;
    }

    private static Task<int> ReceivedEmailsAsync(OrderHubApp app, string number) =>
        app.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().EmailMessages.CountAsync(e => e.OrderNumber == number && e.Kind == "OrderReceived", Ct));
}

/// <summary>The slots themselves, without a host.</summary>
public sealed class RequestsFirstSlotsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_requests_are_answered_background_deliveries_share_the_configured_slots_and_none_are_needed_once_they_end()
    {
        using var requestsFirst = new RequestsFirst(Options.Create(new OutboxOptions { MaxBackgroundDeliveriesWhileServing = 2 }));
        (await requestsFirst.BackgroundSlotAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(1), Ct)).Dispose(); // idle: no slot needed

        var request = requestsFirst.Serve();
        var first = await requestsFirst.BackgroundSlotAsync(Ct);
        var second = await requestsFirst.BackgroundSlotAsync(Ct);
        var third = requestsFirst.BackgroundSlotAsync(Ct).AsTask();
        await Task.Delay(200, Ct);
        third.IsCompleted.ShouldBeFalse("two slots while a request is in flight");

        first.Dispose();
        var thirdSlot = await third.WaitAsync(TimeSpan.FromSeconds(1), Ct); // a freed slot goes to the one waiting
        var fourth = requestsFirst.BackgroundSlotAsync(Ct).AsTask();
        await Task.Delay(200, Ct);
        fourth.IsCompleted.ShouldBeFalse();

        request.Dispose();
        (await fourth.WaitAsync(TimeSpan.FromSeconds(1), Ct)).Dispose(); // the request answered: it goes without a slot
        second.Dispose();
        thirdSlot.Dispose();
    }

    [Fact]
    public async Task While_requests_are_answered_a_paced_bulk_jobs_steps_take_turns_and_each_takes_a_background_slot_before_the_deliveries_waiting()
    {
        using var requestsFirst = new RequestsFirst(Options.Create(new OutboxOptions { MaxBackgroundDeliveriesWhileServing = 1, MaxPacedStepsWhileServing = 1 }));
        var idle = new[] { await requestsFirst.PacedStepSlotAsync(Ct), await requestsFirst.PacedStepSlotAsync(Ct) }; // idle: side by side
        Array.ForEach(idle, s => s.Dispose());

        using var request = requestsFirst.Serve();
        var delivery = await requestsFirst.BackgroundSlotAsync(Ct);
        var labels = requestsFirst.PacedStepSlotAsync(Ct).AsTask();
        var nextDelivery = requestsFirst.BackgroundSlotAsync(Ct).AsTask();
        await Task.Delay(200, Ct);
        labels.IsCompleted.ShouldBeFalse("the one background slot is taken: the release's step shares it, it adds no thread beside the checkouts");

        // The delivery done: the step goes first, though a delivery waited before it; the next step waits for its turn.
        delivery.Dispose();
        var labelsSlot = await labels.WaitAsync(TimeSpan.FromSeconds(1), Ct);
        var nextLabels = requestsFirst.PacedStepSlotAsync(Ct).AsTask();
        await Task.Delay(200, Ct);
        nextLabels.IsCompleted.ShouldBeFalse("one paced step at a time while a request is in flight");
        nextDelivery.IsCompleted.ShouldBeFalse("a delivery gives way to a paced step with its turn");

        // Between two steps the delivery may take the slot (background work moves during a bulk job); each gets it in turn.
        labelsSlot.Dispose();
        var first = await Task.WhenAny(nextLabels, nextDelivery).WaitAsync(TimeSpan.FromSeconds(1), Ct);
        var second = first == nextLabels ? nextDelivery : nextLabels;
        await Task.Delay(200, Ct);
        second.IsCompleted.ShouldBeFalse("the step and the delivery share the one slot");
        (await first).Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(1), Ct)).Dispose();
    }
}

public sealed class RequestsFirstTestsOnSqlite(SqliteHostFixture fixture) : RequestsFirstTests(fixture), IClassFixture<SqliteHostFixture>
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.CreateSqlite());
}

public sealed class RequestsFirstTestsOnPostgres(PostgresHostFixture fixture) : RequestsFirstTests(fixture), IClassFixture<PostgresHostFixture>
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() => await TestDatabase.CreatePostgresAsync(TestDatabase.PostgresServer!);
}
