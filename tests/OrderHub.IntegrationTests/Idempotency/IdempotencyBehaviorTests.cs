using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Features.CreateLocation;
using OrderHub.Modules.Inventory.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Idempotency;

/// <summary>
/// <see cref="IdempotencyBehavior{TMessage,TResponse}"/> inside the real unit of work on a real database, with a stand-in
/// handler whose effect (a location) and calls are counted: replay, conflict, a failed handler remembers nothing, and
/// parallel duplicates have one effect and one answer. Then the same guarantee end to end over HTTP.
/// </summary>
public abstract class IdempotencyBehaviorTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repeated_key_with_the_same_body_replays_the_first_answer_without_running_the_handler()
    {
        fixture.RequireProvider();
        var handler = new StandInHandler();
        var command = NewCommand(Guid.NewGuid().ToString());

        var first = await SendAsync(command, handler.CreateAsync);
        var second = await SendAsync(command with { }, handler.CreateAsync);

        handler.Calls.ShouldBe(1);
        Json(second).ShouldBe(Json(first));
        (await LocationsAsync(command.Code!)).ShouldBe(1);
        var stored = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().IdempotentRequests.AsNoTracking()
            .SingleAsync(r => r.Key == command.IdempotencyKey, Ct));
        stored.Scope.ShouldBe(nameof(CreateLocationCommand));
        stored.Response.ShouldBe(Json(first));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_conflict_and_runs_nothing()
    {
        fixture.RequireProvider();
        var handler = new StandInHandler();
        var command = NewCommand(Guid.NewGuid().ToString());
        await SendAsync(command, handler.CreateAsync);

        await Should.ThrowAsync<ConflictException>(() => SendAsync(command with { Name = "Another name" }, handler.CreateAsync));

        handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_handler_that_throws_remembers_nothing_and_the_same_key_runs_again()
    {
        fixture.RequireProvider();
        var command = NewCommand(Guid.NewGuid().ToString());

        await Should.ThrowAsync<BusinessRuleViolationException>(() => SendAsync(command, async (db, c, ct) =>
        {
            await StandInHandler.AddAsync(db, c, ct); // an effect, rolled back with the claim
            throw new BusinessRuleViolationException("StandInRule", "refused after the effect");
        }));

        (await LocationsAsync(command.Code!)).ShouldBe(0);
        (await StoredAsync(command.IdempotencyKey!)).ShouldBe(0);

        var handler = new StandInHandler();
        await SendAsync(command, handler.CreateAsync);
        handler.Calls.ShouldBe(1);
        (await LocationsAsync(command.Code!)).ShouldBe(1);
        (await StoredAsync(command.IdempotencyKey!)).ShouldBe(1);
    }

    [Fact]
    public async Task What_a_command_changes_after_a_nested_idempotent_command_saved_is_saved_too()
    {
        fixture.RequireProvider();
        var outer = new SavingProbeCommand(IdempotencyKey: null, Code: NewCommand(key: null).Code!);
        var nested = new SavingProbeCommand(Guid.NewGuid().ToString(), NewCommand(key: null).Code!);

        // The unit of work skips its own save when its command's idempotency behaviour saved last (a claim saved with
        // its effect). A nested command's save must not count for the command around it, which goes on to add more.
        await fixture.App.InScopeAsync(async sp =>
        {
            // Commands of this test assembly, stored in Inventory's schema as if Inventory owned them.
            ModuleDatabase[] modules = [new("Inventory", "inventory", typeof(InventoryDbContext), [typeof(SavingProbeCommand).Assembly])];
            var unitOfWork = new UnitOfWorkBehavior<SavingProbeCommand, string>(sp, modules, sp.GetRequiredService<OutboxSignal>());
            var idempotency = new IdempotencyBehavior<SavingProbeCommand, string>(
                sp, modules, TimeProvider.System, NullLogger<IdempotencyBehavior<SavingProbeCommand, string>>.Instance);
            var db = sp.GetRequiredService<InventoryDbContext>();
            return await unitOfWork.Handle(outer, async (_, ct) =>
            {
                await unitOfWork.Handle(nested, (m, ct2) => idempotency.Handle(m, (c, _) => AddLocation(db, c.Code), ct2), ct);
                return await AddLocation(db, outer.Code);
            }, Ct);
        });

        (await LocationsAsync(nested.Code)).ShouldBe(1);
        (await LocationsAsync(outer.Code)).ShouldBe(1, "the command's own change, made after the nested command saved");

        static ValueTask<string> AddLocation(InventoryDbContext db, string code)
        {
            db.Locations.Add(Location.Create(code, code, LocationType.Warehouse, new Address("1 Main St", null, "Napa", "CA", "94559", "US"), shipsToConsumers: true));
            return ValueTask.FromResult(code);
        }
    }

    [Fact]
    public async Task Without_a_key_the_handler_runs_every_time_and_nothing_is_stored()
    {
        fixture.RequireProvider();
        var calls = 0;
        var command = NewCommand(key: null);

        for (var i = 0; i < 2; i++)
        {
            await SendAsync(command, (_, c, _) =>
            {
                calls++;
                return ValueTask.FromResult(new LocationDto(c.Code!, c.Name!, "Warehouse", null!, true, []));
            });
        }

        calls.ShouldBe(2);
    }

    [Fact]
    public async Task Parallel_duplicates_have_one_effect_and_all_get_the_same_answer()
    {
        fixture.RequireProvider();
        var command = NewCommand(Guid.NewGuid().ToString());
        var inHandler = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new StandInHandler();

        async ValueTask<LocationDto> SlowAsync(InventoryDbContext db, CreateLocationCommand c, CancellationToken ct)
        {
            var dto = await handler.CreateAsync(db, c, ct);
            inHandler.TrySetResult();
            await Task.Delay(TimeSpan.FromMilliseconds(400), ct); // the duplicates arrive while the first is uncommitted
            return dto;
        }

        var first = SendAsync(command, SlowAsync);
        await inHandler.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var duplicates = Enumerable.Range(0, 3).Select(_ => SendAsync(command with { }, SlowAsync)).ToList();
        var answers = await Task.WhenAll([first, .. duplicates]);

        handler.Calls.ShouldBe(1);
        answers.Select(Json).Distinct().Count().ShouldBe(1);
        (await LocationsAsync(command.Code!)).ShouldBe(1);
        (await StoredAsync(command.IdempotencyKey!)).ShouldBe(1);
    }

    [Fact]
    public async Task A_replayable_response_is_marked_as_the_replay()
    {
        fixture.RequireProvider();
        var command = new ReplayProbeCommand(Guid.NewGuid().ToString(), "body");

        var answers = new List<ReplayProbe>();
        for (var i = 0; i < 2; i++)
        {
            answers.Add(await fixture.App.InScopeAsync(async sp =>
            {
                // A command of this test assembly, stored in Inventory's schema as if Inventory owned it.
                ModuleDatabase[] modules = [new("Inventory", "inventory", typeof(InventoryDbContext), [typeof(ReplayProbeCommand).Assembly])];
                var unitOfWork = new UnitOfWorkBehavior<ReplayProbeCommand, ReplayProbe>(sp, modules, sp.GetRequiredService<OutboxSignal>());
                var idempotency = new IdempotencyBehavior<ReplayProbeCommand, ReplayProbe>(
                    sp, modules, TimeProvider.System, NullLogger<IdempotencyBehavior<ReplayProbeCommand, ReplayProbe>>.Instance);
                return await unitOfWork.Handle(command, (m, ct) => idempotency.Handle(m, (c, _) => ValueTask.FromResult(new ReplayProbe(c.Body, Replayed: false)), ct), Ct);
            }));
        }

        answers.ShouldBe([new ReplayProbe("body", Replayed: false), new ReplayProbe("body", Replayed: true)]);
    }

    [Fact]
    public async Task Over_http_parallel_receipts_under_one_key_receive_once_and_answer_alike()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(client, sku);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> ReceiveAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inventory/receipts")
            {
                Content = JsonContent.Create(new { locationCode = "NAPA-WH", sku, quantity = 7, lot = "L1" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request, Ct);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ReceiveAsync()));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
        bodies.Distinct().Count().ShouldBe(1);
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(7);
    }

    private static CreateLocationCommand NewCommand(string? key)
    {
        var code = $"IDEM-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        return new CreateLocationCommand
        {
            Code = code,
            Name = $"Stand-in {code}",
            Type = "Warehouse",
            Address = new LocationAddressInput("1 Main St", null, "Napa", "CA", "94559", "US"),
            IdempotencyKey = key,
        };
    }

    private static string Json(LocationDto dto) => JsonSerializer.Serialize(dto, JsonSerializerOptions.Web);

    /// <summary>The command through the unit of work and the idempotency behaviour, with <paramref name="handler"/> in place of the real one.</summary>
    private Task<LocationDto> SendAsync(
        CreateLocationCommand command, Func<InventoryDbContext, CreateLocationCommand, CancellationToken, ValueTask<LocationDto>> handler) =>
        fixture.App.InScopeAsync(async sp =>
        {
            var behaviours = sp.GetServices<IPipelineBehavior<CreateLocationCommand, LocationDto>>().ToList();
            var unitOfWork = behaviours.OfType<UnitOfWorkBehavior<CreateLocationCommand, LocationDto>>().Single();
            var idempotency = behaviours.OfType<IdempotencyBehavior<CreateLocationCommand, LocationDto>>().Single();
            var db = sp.GetRequiredService<InventoryDbContext>();
            return await unitOfWork.Handle(command, (m, ct) => idempotency.Handle(m, (c, ct2) => handler(db, c, ct2), ct), Ct);
        });

    private Task<int> LocationsAsync(string code) =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().Locations.CountAsync(l => l.Code == code, Ct));

    private Task<int> StoredAsync(string key) =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().IdempotentRequests.CountAsync(r => r.Key == key, Ct));

    /// <summary>Creates the location (the effect) and counts its calls.</summary>
    private sealed class StandInHandler
    {
        private int _calls;

        public int Calls => _calls;

        public async ValueTask<LocationDto> CreateAsync(InventoryDbContext db, CreateLocationCommand command, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return await AddAsync(db, command, cancellationToken);
        }

        public static ValueTask<LocationDto> AddAsync(InventoryDbContext db, CreateLocationCommand command, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = command.Address!;
            var location = Location.Create(command.Code!, command.Name!, LocationType.Warehouse,
                new Address(a.Line1!, a.Line2, a.City!, a.Region!, a.PostalCode!, a.Country!), shipsToConsumers: true);
            db.Locations.Add(location);
            return ValueTask.FromResult(CreateLocationHandler.ToDto(location));
        }
    }
}

/// <summary>A command that claims its key with its effect, in one save (as a web store's checkout does).</summary>
public sealed record SavingProbeCommand([property: JsonIgnore] string? IdempotencyKey, string Code) : IIdempotentCommand<string>
{
    bool IIdempotentCommand<string>.LooksUpKeyFirst => false;
}

/// <summary>A command whose answer says whether it was replayed (as an endpoint answering 201 or 200 needs).</summary>
public sealed record ReplayProbeCommand([property: JsonIgnore] string? IdempotencyKey, string Body) : IIdempotentCommand<ReplayProbe>;

public sealed record ReplayProbe(string Body, bool Replayed) : IReplayableResponse<ReplayProbe>
{
    public ReplayProbe AsReplay() => this with { Replayed = true };
}

public sealed class IdempotencyBehaviorTestsOnSqlite(SqliteHostFixture fixture) : IdempotencyBehaviorTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class IdempotencyBehaviorTestsOnPostgres(PostgresHostFixture fixture) : IdempotencyBehaviorTests(fixture), IClassFixture<PostgresHostFixture>;
