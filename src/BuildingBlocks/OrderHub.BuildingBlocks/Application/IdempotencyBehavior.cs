using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>
/// Idempotency of every <see cref="IIdempotentCommand{TResponse}"/>, once, inside the unit of work (registered after
/// <see cref="UnitOfWorkBehavior{TMessage,TResponse}"/>), so the lookup, the handler's effect and the remembered answer
/// commit together or not at all. A stored key replays its answer (same fingerprint) or is a 409 (another one). A new key
/// is claimed first (an <see cref="IdempotentRequest"/> row saved in the open transaction), then the handler runs and its
/// answer is written into the claim: a handler that throws rolls the claim back with its effect, and no handler can
/// forget to remember. A parallel duplicate's claim waits on the first one's uncommitted row and then loses the primary
/// key (PostgreSQL, SQL Server; SQLite serialises the two transactions and the lookup sees the row): EF Core rolls the
/// failed insert back to its savepoint, before the duplicate's handler did anything, and the duplicate answers as the replay.
/// </summary>
public sealed partial class IdempotencyBehavior<TMessage, TResponse>(
    IServiceProvider services,
    IEnumerable<ModuleDatabase> modules,
    TimeProvider clock,
    ILogger<IdempotencyBehavior<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IIdempotentCommand<TResponse>
{
    private static ModuleDatabase? _owner;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(next);
        var key = message.IdempotencyKey;
        if (string.IsNullOrEmpty(key))
        {
            return await next(message, cancellationToken);
        }

        var owner = _owner ??= modules.OwnerOf(typeof(TMessage))
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} is idempotent but belongs to no module's database.");
        var db = (ModuleDbContext)services.GetRequiredService(owner.ContextType);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"{typeof(TMessage).Name}: the idempotency behaviour must run inside the unit of work's transaction.");
        }

        var scope = message.IdempotencyScope;
        var fingerprint = message.IdempotencyFingerprint;
        if (await IdempotentRequest.FindAsync(db, scope, key, cancellationToken) is { } stored)
        {
            return Replayed(stored.Replay<TResponse>(fingerprint));
        }

        var claim = new IdempotentRequest { Scope = scope, Key = key, Fingerprint = fingerprint, CreatedAt = clock.GetUtcNow() };
        db.IdempotentRequests.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsIdempotencyClaim(ex))
        {
            // A parallel request with this key committed first (our insert waited for it); nothing of ours ran yet.
            db.Entry(claim).State = EntityState.Detached;
            LogClaimLost(scope, key);
            var winner = await IdempotentRequest.FindAsync(db, scope, key, cancellationToken)
                ?? throw new InvalidOperationException($"The idempotency claim {scope}/{key} was lost, yet no stored request was found.", ex);
            return Replayed(winner.Replay<TResponse>(fingerprint));
        }

        var response = await next(message, cancellationToken);
        var entry = db.Entry(claim);
        if (entry.State == EntityState.Detached)
        {
            entry.State = EntityState.Unchanged; // the handler cleared the change tracker; the claim row is already saved
        }

        claim.Response = JsonSerializer.Serialize(response, JsonSerializerOptions.Web);
        entry.Property(r => r.Response).IsModified = true;
        return response;
    }

    private static TResponse Replayed(TResponse response) =>
        response is IReplayableResponse<TResponse> replayable ? replayable.AsReplay() : response;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Idempotency-Key {Key} of {Scope} was claimed by a parallel request first: answering its replay")]
    private partial void LogClaimLost(string scope, string key);
}
