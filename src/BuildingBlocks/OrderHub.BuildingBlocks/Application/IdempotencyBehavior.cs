using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
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

        return message.LooksUpKeyFirst
            ? await ClaimThenRunAsync(db, message, key, next, cancellationToken)
            : await RunAndClaimAsync(db, message, key, next, cancellationToken);
    }

    private async ValueTask<TResponse> ClaimThenRunAsync(
        ModuleDbContext db, TMessage message, string key, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var (scope, fingerprint) = (message.IdempotencyScope, message.IdempotencyFingerprint);
        if (await IdempotentRequest.FindAsync(db, scope, key, cancellationToken) is { } stored)
        {
            return Replayed(stored.Replay<TResponse>(fingerprint));
        }

        var claim = NewClaim(scope, key, fingerprint);
        db.IdempotentRequests.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsIdempotencyClaim(ex))
        {
            // A parallel request with this key committed first (our insert waited for it); nothing of ours ran yet.
            db.Entry(claim).State = EntityState.Detached;
            return await ReplayWinnerAsync(db, scope, key, fingerprint, ex, cancellationToken);
        }

        var response = await next(message, cancellationToken);
        Remember(db, claim, response);
        return response;
    }

    private async ValueTask<TResponse> RunAndClaimAsync(
        ModuleDbContext db, TMessage message, string key, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var (scope, fingerprint) = (message.IdempotencyScope, message.IdempotencyFingerprint);
        var claim = NewClaim(scope, key, fingerprint);
        db.IdempotentRequests.Add(claim);
        try
        {
            var response = await next(message, cancellationToken);
            if (db.Entry(claim).State == EntityState.Detached)
            {
                throw new InvalidOperationException($"{typeof(TMessage).Name} cleared the change tracker, and its claim with it: such a command must look its key up first.");
            }

            Remember(db, claim, response);
            await db.SaveChangesAsync(cancellationToken); // the claim and the effect in one batch; the unit of work commits it
            db.SavedLastBy = message;
            return response;
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsIdempotencyClaim(ex))
        {
            // The key was used before (or by a parallel request that committed first): EF Core rolled the batch back
            // to its savepoint, and none of this request's effect may be saved.
            db.ChangeTracker.Clear();
            return await ReplayWinnerAsync(db, scope, key, fingerprint, ex, cancellationToken);
        }
        catch (Exception ex) when (ex is BusinessRuleViolationException or ConflictException or DbUpdateConcurrencyException)
        {
            // A retry the rules or the resource's state now refuse (a SKU withdrawn since, a fulfillment already packed),
            // or one that lost the race to change the same row to a parallel duplicate, is still a retry: it gets the
            // answer its key stored. EF Core rolled a failed save back to its savepoint, so the lookup runs clean.
            db.ChangeTracker.Clear();
            if (await IdempotentRequest.FindAsync(db, scope, key, cancellationToken) is not { } stored)
            {
                throw;
            }

            return Replayed(stored.Replay<TResponse>(fingerprint));
        }
    }

    private IdempotentRequest NewClaim(string scope, string key, string fingerprint) =>
        new() { Scope = scope, Key = key, Fingerprint = fingerprint, CreatedAt = clock.GetUtcNow() };

    private static void Remember(ModuleDbContext db, IdempotentRequest claim, TResponse response)
    {
        var entry = db.Entry(claim);
        if (entry.State == EntityState.Detached)
        {
            entry.State = EntityState.Unchanged; // the handler cleared the change tracker; the claim row is already saved
        }

        claim.Response = JsonSerializer.Serialize(response, JsonSerializerOptions.Web);
        if (entry.State != EntityState.Added)
        {
            entry.Property(r => r.Response).IsModified = true;
        }
    }

    private async Task<TResponse> ReplayWinnerAsync(
        ModuleDbContext db, string scope, string key, string fingerprint, DbUpdateException lost, CancellationToken cancellationToken)
    {
        LogClaimLost(scope, key);
        var winner = await IdempotentRequest.FindAsync(db, scope, key, cancellationToken)
            ?? throw new InvalidOperationException($"The idempotency claim {scope}/{key} was lost, yet no stored request was found.", lost);
        return Replayed(winner.Replay<TResponse>(fingerprint));
    }

    private static TResponse Replayed(TResponse response) =>
        response is IReplayableResponse<TResponse> replayable ? replayable.AsReplay() : response;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Idempotency-Key {Key} of {Scope} was claimed by a parallel request first: answering its replay")]
    private partial void LogClaimLost(string scope, string key);
}
