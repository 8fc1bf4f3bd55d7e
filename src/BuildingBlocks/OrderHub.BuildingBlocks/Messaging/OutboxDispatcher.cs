using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Moves integration events from every module's outbox to their in-process consumers, and runs the internal commands
/// (next steps of a module's process) written there.
/// Due messages are first claimed, a batch at a time, by a guarded conditional update (only one host can win each,
/// on any provider), then published, then each marked processed. A crash after publishing means a second delivery, which the
/// consumers' inboxes make harmless; a crash before means the lease expires and another sweep takes it.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    IEnumerable<ModuleDatabase> modules,
    IOptions<OutboxOptions> options,
    OutboxSignal signal,
    RequestsFirst requestsFirst,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Tries of one delivery in a row when it loses a race, before it waits for the back-off.</summary>
    private const int ImmediateAttempts = 3;

    private readonly string _hostId = HostIdentity.Create();

    private bool? _oneWriter;

    /// <summary>The modules whose outboxes this dispatcher serves.</summary>
    public IReadOnlyList<ModuleDatabase> Modules { get; } = [.. modules];

    /// <summary>
    /// SQLite has one writer for every module, so its modules are swept one after another; a server database lets each
    /// module's deliveries run beside the others' (each module has its own outbox and its consumers their own inboxes).
    /// </summary>
    public bool HasOneWriter => _oneWriter ??= IsSqlite();

    /// <summary>
    /// Dispatches everything currently due in every module; returns how many messages were delivered. On a server
    /// database the modules are swept side by side, so one module's backlog (a burst of orders) does not make another's
    /// work (a release's labels) wait for its turn.
    /// </summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken) => (await SweepAllAsync(cancellationToken)).Delivered;

    /// <summary>One sweep of every module (see <see cref="DispatchPendingAsync"/>).</summary>
    internal async Task<Sweep> SweepAllAsync(CancellationToken cancellationToken)
    {
        Sweep[] sweeps;
        if (HasOneWriter)
        {
            sweeps = new Sweep[Modules.Count];
            for (var i = 0; i < Modules.Count; i++)
            {
                sweeps[i] = await SweepModuleAsync(Modules[i], cancellationToken);
            }
        }
        else
        {
            sweeps = await Task.WhenAll(Modules.Select(m => SweepModuleAsync(m, cancellationToken)));
        }

        return new Sweep(sweeps.Sum(s => s.Delivered), sweeps.Any(s => s.Full));
    }

    private bool IsSqlite()
    {
        using var scope = scopeFactory.CreateScope();
        return Modules.Select(m => (ModuleDbContext)scope.ServiceProvider.GetRequiredService(m.ContextType)).Any(db => db.Database.IsSqlite());
    }

    /// <summary>Dispatches one batch of the module's due messages; returns how many were delivered.</summary>
    public async Task<int> DispatchModuleAsync(ModuleDatabase module, CancellationToken cancellationToken) =>
        (await SweepModuleAsync(module, cancellationToken)).Delivered;

    /// <summary>
    /// One batch of the module's due messages. Once delivered, the loops of the modules whose outboxes the deliveries
    /// wrote to are woken (<see cref="OutboxWrites"/>); <see cref="Sweep.Full"/> says more may be due already.
    /// </summary>
    internal async Task<Sweep> SweepModuleAsync(ModuleDatabase module, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        List<OutboxMessage> claimed;
        DateTimeOffset until;
        bool oneWriter;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            oneWriter = db.Database.IsSqlite(); // SQLite has one writer: side by side they would only wait on each other
            (claimed, until) = await ClaimDueAsync(db, cancellationToken);
        }

        if (claimed.Count == 0)
        {
            return new Sweep(0, Full: false);
        }

        var written = OutboxWrites.Record();

        // Steps waiting on a remote service (a burst's payment authorizations, a release's labels) run side by side, in a
        // lane of their own, so they neither queue behind one another nor hold up the module's other deliveries. Those
        // others give way to the requests the host is answering (RequestsFirst), and so do a paced bulk job's steps.
        var waitsOnRemote = claimed.ToLookup(m => !oneWriter && WaitsOnRemoteService(m));
        var parallelism = oneWriter ? 1 : Math.Max(1, options.Value.MaxParallelDeliveries);
        var delivered = new ConcurrentQueue<Guid>();
        await Task.WhenAll(
            DeliverLaneAsync(module, DeliveryUnits([.. waitsOnRemote[false]], parallelism), parallelism, givesWayToRequests: true, until, delivered, cancellationToken),
            DeliverLaneAsync(module, [.. waitsOnRemote[true].Select(m => new List<OutboxMessage> { m })], Math.Max(1, options.Value.MaxParallelRemoteSteps), givesWayToRequests: false, until, delivered, cancellationToken));

        await MarkProcessedAsync(module, [.. delivered], cancellationToken);
        foreach (var contextType in written.Keys)
        {
            signal.Notify(contextType);
        }

        return new Sweep(delivered.Count, Full: claimed.Count >= options.Value.BatchSize);
    }

    /// <summary>What a sweep delivered, and whether it claimed a whole batch (so more may be due).</summary>
    internal readonly record struct Sweep(int Delivered, bool Full);

    /// <summary>
    /// Delivers <paramref name="units"/>, up to <paramref name="parallelism"/> at once, adding each delivered message to
    /// <paramref name="delivered"/>. While requests are answered each unit first waits for its turn (<see cref="TurnAsync"/>).
    /// </summary>
    private Task DeliverLaneAsync(
        ModuleDatabase module, List<List<OutboxMessage>> units, int parallelism, bool givesWayToRequests, DateTimeOffset until, ConcurrentQueue<Guid> delivered,
        CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (unit, ct) =>
        {
            using var slot = await TurnAsync(unit, givesWayToRequests, ct);
            if (unit.Count > 1 && !LeaseLapsing(until) && await DeliverTogetherAsync(module, unit, ct))
            {
                unit.ForEach(m => delivered.Enqueue(m.Id));
                return;
            }

            foreach (var message in unit)
            {
                if (LeaseLapsing(until))
                {
                    return; // the claim is about to lapse (slow messages ahead of it): the next sweep claims it afresh
                }

                if (await DeliverAsync(module, message, ct))
                {
                    delivered.Enqueue(message.Id);
                }
            }
        });

    /// <summary>
    /// A paced bulk job's step takes a paced slot (in either lane); another unit a background slot when its lane gives way
    /// to requests; the rest go at once. Slots are needed only while requests are in flight.
    /// </summary>
    private ValueTask<RequestsFirst.Slot> TurnAsync(List<OutboxMessage> unit, bool givesWayToRequests, CancellationToken ct) =>
        unit is [var single] && Is<IPacedBulkStep>(single) ? requestsFirst.PacedStepSlotAsync(ct)
        : givesWayToRequests ? requestsFirst.BackgroundSlotAsync(ct)
        : default;

    private static bool WaitsOnRemoteService(OutboxMessage message) => Is<IWaitsOnRemoteService>(message);

    private static bool Is<TKind>(OutboxMessage message) =>
        IntegrationEventTypes.Resolve(message.Type) is { } type && typeof(TKind).IsAssignableFrom(type);

    private bool LeaseLapsing(DateTimeOffset until) => clock.GetUtcNow() > until - (options.Value.ClaimLease / 4);

    /// <summary>
    /// Runs of events of one type become one unit (split so the parallel deliveries share them), delivered together;
    /// every internal command is a unit of its own and does not break a run (steps and announcements are independent).
    /// An event of another type ends the run, so no event overtakes one of another type.
    /// </summary>
    private static List<List<OutboxMessage>> DeliveryUnits(List<OutboxMessage> claimed, int parallelism)
    {
        var units = new List<List<OutboxMessage>>();
        var run = new List<OutboxMessage>();
        foreach (var message in claimed)
        {
            if (IntegrationEventTypes.Resolve(message.Type) is not { } type || !typeof(IntegrationEvent).IsAssignableFrom(type))
            {
                units.Add([message]);
                continue;
            }

            if (run.Count > 0 && run[0].Type != message.Type)
            {
                AddRun();
            }

            run.Add(message);
        }

        AddRun();
        return units;

        void AddRun()
        {
            var size = Math.Max(1, (int)Math.Ceiling(run.Count / (double)parallelism));
            units.AddRange(run.Chunk(size).Select(c => c.ToList()));
            run = [];
        }
    }

    /// <summary>
    /// Several events of one type to every consumer at once (<see cref="IntegrationEventBatches"/>). False when anything
    /// failed: the caller then delivers them one by one, with the retries and failure records of a single delivery.
    /// </summary>
    private async Task<bool> DeliverTogetherAsync(ModuleDatabase module, List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            var type = IntegrationEventTypes.Resolve(messages[0].Type)!;
            var events = messages.Select(m => (IntegrationEvent)JsonSerializer.Deserialize(m.Payload, type, IntegrationEventTypes.JsonOptions)!).ToList();
            await using var scope = scopeFactory.CreateAsyncScope();
            await IntegrationEventBatches.PublishAsync(scope.ServiceProvider, type, events, cancellationToken);
            LogDeliveredTogether(messages.Count, messages[0].Type);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTogetherFailed(ex, messages.Count, messages[0].Type, module.Module);
            return false;
        }
    }

    /// <summary>
    /// One statement for the batch's delivered messages (one per message cost a round trip and an update each). A crash
    /// before it delivers them again once their claim lapses, which the consumers' inboxes make harmless.
    /// </summary>
    private async Task MarkProcessedAsync(ModuleDatabase module, List<Guid> delivered, CancellationToken cancellationToken)
    {
        if (delivered.Count == 0)
        {
            return;
        }

        var processedAt = clock.GetUtcNow();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
        await db.OutboxMessages.Where(m => delivered.Contains(m.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.ProcessedAt, processedAt).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
            CancellationToken.None); // delivered is delivered: record it even when the host is stopping
    }

    /// <summary>
    /// Claims a batch of due messages with one guarded conditional update (only unclaimed or lapsed rows change hands,
    /// so of several hosts each row goes to one), then reads back the ones this sweep won by its claim token.
    /// </summary>
    private async Task<(List<OutboxMessage> Claimed, DateTimeOffset Until)> ClaimDueAsync(ModuleDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // OccurredAt <= now bounds the scan: a step queued for later carries its due time there (AddInternalCommand), so
        // a sweep that finds fewer due rows than a batch does not read through every step waiting for a later day.
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.OccurredAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return ([], now);
        }

        var until = now + options.Value.ClaimLease;
        var token = $"{_hostId[..Math.Min(_hostId.Length, 180)]}:{Guid.NewGuid():N}"; // this sweep's, not only this host's: two sweeps of one host never share a row
        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, token).SetProperty(m => m.LockedUntil, until), cancellationToken);
        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.LockedBy == token && m.ProcessedAt == null)
            .OrderBy(m => m.OccurredAt)
            .ToListAsync(cancellationToken);
        return (claimed, until);
    }

    private async Task<bool> DeliverAsync(ModuleDatabase module, OutboxMessage message, CancellationToken cancellationToken)
    {
        using var logScope = logger.BeginScope(new Dictionary<string, object>
        {
            ["SourceModule"] = module.Module,
            ["OutboxMessageId"] = message.Id,
        });
        try
        {
            var type = IntegrationEventTypes.Resolve(message.Type)
                ?? throw new InvalidOperationException($"Unknown outbox message type '{message.Type}'.");
            var content = JsonSerializer.Deserialize(message.Payload, type, IntegrationEventTypes.JsonOptions)!;

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await RunConsumersAsync(content, cancellationToken);
                    break;
                }
                catch (Exception ex) when (attempt < ImmediateAttempts && IsLostRace(ex))
                {
                    // Another writer changed the same row first (an order two events touch at once): the consumer's
                    // transaction rolled back, so run it again now on fresh state instead of after the back-off.
                    LogRaceLost(message.Type, attempt);
                }
            }

            LogDelivered(message.Type);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var retryAt = clock.GetUtcNow() + RetryDelay(attempts);
            var error = ex.ToString();
            error = error.Length > 2000 ? error[..2000] : error;
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LockedUntil, retryAt),
                CancellationToken.None);
            LogFailed(ex, message.Type, attempts, retryAt);
            return false;
        }
    }

    /// <summary>Consumers run in their own scope: their DbContexts and transactions are theirs.</summary>
    private async Task RunConsumersAsync(object content, CancellationToken cancellationToken)
    {
        await using var consumerScope = scopeFactory.CreateAsyncScope();
        if (content is InternalCommand command)
        {
            await InternalCommandRunner.RunAsync(consumerScope.ServiceProvider, command, cancellationToken);
        }
        else
        {
            await consumerScope.ServiceProvider.GetRequiredService<IPublisher>().Publish((IntegrationEvent)content, cancellationToken);
        }
    }

    /// <summary>An optimistic-concurrency conflict or a database deadlock: nothing was committed, and a new try may pass.</summary>
    private static bool IsLostRace(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException || e is DbException { SqlState: "40P01" or "40001" })
            {
                return true;
            }
        }

        return false;
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var seconds = Math.Pow(2, Math.Min(attempts, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.Value.MaxRetryDelay.TotalSeconds));
    }

    /// <summary>Deletes processed messages past the retention period (a daily Hangfire job calls this).</summary>
    public async Task<int> PurgeProcessedAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        var purged = 0;
        foreach (var module in Modules)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            purged += await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message of type {MessageType} lost a race with another writer (try {Attempt}); running it again")]
    private partial void LogRaceLost(string messageType, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatched {Count} outbox messages of type {MessageType} together")]
    private partial void LogDeliveredTogether(int count, string messageType);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} outbox messages of type {MessageType} ({SourceModule}) could not be delivered together; delivering them one by one")]
    private partial void LogTogetherFailed(Exception ex, int count, string messageType, string sourceModule);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatched outbox message of type {MessageType}")]
    private partial void LogDelivered(string messageType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message of type {MessageType} failed (attempt {Attempts}); retrying at {RetryAt}")]
    private partial void LogFailed(Exception ex, string messageType, int attempts, DateTimeOffset retryAt);
}
