using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>
/// One transaction per command in the owning module's DbContext: the handler's changes and the outbox rows
/// it wrote commit together or not at all. Queries and <see cref="IProcessCommand{TResponse}"/>s pass straight through.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    IServiceProvider services,
    IEnumerable<ModuleDatabase> modules,
    OutboxSignal outboxSignal) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private static ModuleDatabase? _owner;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var owner = _owner ??= modules.OwnerOf(typeof(TMessage));
        if (owner is null || message is IProcessCommand<TResponse>)
        {
            return await next(message, cancellationToken);
        }

        var db = (ModuleDbContext)services.GetRequiredService(owner.ContextType);
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken); // nested command: the outer one commits
        }

        TResponse response;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            response = await next(message, cancellationToken);
            if (!ReferenceEquals(db.SavedLastBy, message))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // A failed unit of work leaves nothing behind: a retry in the same scope starts from the database, not from stale entities.
            db.ChangeTracker.Clear();
            db.TakeOutboxSignal();
            throw;
        }
        finally
        {
            db.SavedLastBy = null;
        }

        if (db.TakeOutboxSignal())
        {
            outboxSignal.Notify(db);
        }

        return response;
    }
}
