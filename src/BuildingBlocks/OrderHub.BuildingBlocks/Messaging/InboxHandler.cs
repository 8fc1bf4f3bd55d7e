using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Base of every integration event consumer: the effect and the inbox row commit in one transaction,
/// so a repeated delivery of the same event (same <see cref="IntegrationEvent.Id"/>) has no second effect.
/// </summary>
public abstract class InboxHandler<TEvent, TContext>(TContext db, TimeProvider clock, ILogger logger) : INotificationHandler<TEvent>, IBatchNotificationHandler<TEvent>
    where TEvent : IntegrationEvent
    where TContext : ModuleDbContext
{
    protected TContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    public async ValueTask Handle(TEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        try
        {
            await HandleBatchAsync([notification], cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await AlreadyHandledAsync(notification.Id, GetType().FullName!, CancellationToken.None))
            {
                throw;
            }

            // A concurrent delivery of the same event committed first; ours rolled back with no effect.
            Logger.LogInformation("Concurrent duplicate delivery of {EventId} to {Handler} rolled back", notification.Id, GetType().FullName);
        }
    }

    /// <summary>
    /// Several events in one unit of work (one delivery is a batch of one): one inbox query for them all, then each effect
    /// and its inbox row, saved and committed together (a batch of a release's packed events cost a transaction, an inbox
    /// query and a save each).
    /// Any failure rolls the whole batch back and throws; the dispatcher then delivers the events one by one, and the
    /// inbox rows of whatever committed before make those deliveries harmless.
    /// </summary>
    public async ValueTask HandleBatchAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var concerned = events.Where(Concerns).DistinctBy(e => e.Id).ToList();
        if (concerned.Count == 0)
        {
            return;
        }

        var handler = GetType().FullName!;
        var ids = concerned.Select(e => e.Id).ToList();
        var handled = await Db.InboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.MessageId) && m.Handler == handler)
            .Select(m => m.MessageId)
            .ToListAsync(cancellationToken);
        foreach (var id in handled)
        {
            Logger.LogInformation("Skipping duplicate delivery of {EventId} to {Handler}", id, handler);
        }

        var fresh = concerned.Where(e => !handled.Contains(e.Id)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        try
        {
            await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
            var now = Clock.GetUtcNow();
            await PrepareAsync(fresh, cancellationToken);
            foreach (var e in fresh)
            {
                await HandleOnceAsync(e, cancellationToken);
                Db.InboxMessages.Add(new InboxMessage { MessageId = e.Id, Handler = handler, ProcessedAt = now });
            }

            await Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            Db.ChangeTracker.Clear(); // the next consumer in this scope starts from the database, with a small tracker
        }
    }

    /// <summary>
    /// Whether the event can have an effect here, judged from its content alone (no database): when not, it is dropped
    /// before the inbox is read or written. Repeated deliveries are dropped the same way, so this stays exactly-once.
    /// </summary>
    protected virtual bool Concerns(TEvent integrationEvent) => true;

    /// <summary>
    /// Before the effects of a batch: a consumer may read what all of its events need in one query, tracked by
    /// <see cref="Db"/>, so that each effect finds it there instead of reading it again.
    /// </summary>
    protected virtual ValueTask PrepareAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The consumer's effect: change tracked entities of <see cref="Db"/>; the base saves them.</summary>
    protected abstract ValueTask HandleOnceAsync(TEvent integrationEvent, CancellationToken cancellationToken);

    private Task<bool> AlreadyHandledAsync(Guid id, string handler, CancellationToken cancellationToken) =>
        Db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == id && m.Handler == handler, cancellationToken);
}
