using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: its own schema, its outbox and inbox, and its remembered idempotent requests. Each module derives an
/// abstract context and one sealed subclass per provider, so each provider keeps its own migrations.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    private bool _hasNewOutboxMessages;

    /// <summary>The schema this module owns, e.g. "orders".</summary>
    protected abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Answers remembered under an Idempotency-Key; only the idempotency behaviour writes them.</summary>
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    /// <summary>
    /// The command whose idempotency behaviour saved as the last thing it did (the claim and the effect in one batch): the
    /// unit of work of that same command then only commits, sparing a second scan of every tracked entity for nothing. A
    /// nested command's save does not count for the command around it, which may change more after it.
    /// </summary>
    internal object? SavedLastBy { get; set; }

    /// <summary>True once a message due now was added since the last <see cref="TakeOutboxSignal"/>.</summary>
    public bool TakeOutboxSignal()
    {
        var had = _hasNewOutboxMessages;
        _hasNewOutboxMessages = false;
        return had;
    }

    /// <summary>Writes the event to this module's outbox; it is saved with the same SaveChanges as the state change.</summary>
    public void AddIntegrationEvent(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        OutboxMessages.Add(new OutboxMessage
        {
            Id = integrationEvent.Id,
            Type = IntegrationEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, IntegrationEventTypes.JsonOptions),
            OccurredAt = integrationEvent.OccurredAt,
        });
        HasDueMessage();
    }

    /// <summary>
    /// Writes the next step of this module's process to its outbox, saved with the state change that made it due.
    /// With <paramref name="dueAt"/> the dispatcher leaves it alone until then: a later retry, or a step held for the
    /// request that runs it inline and marks it processed (<see cref="MarkProcessed"/>) — should that request die, the
    /// dispatcher runs it once the time has passed.
    /// </summary>
    public OutboxMessage AddInternalCommand(InternalCommand command, DateTimeOffset? dueAt = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var type = command.GetType();
        var message = new OutboxMessage
        {
            Id = command.Id,
            Type = IntegrationEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(command, type, IntegrationEventTypes.JsonOptions),
            // The dispatcher claims in this order: a step due later sits behind the work due now, not in front of it (5,000
            // labels packed ahead for one day would otherwise be read past by every claim of the module until then).
            OccurredAt = dueAt is { } due && due > command.OccurredAt ? due : command.OccurredAt,
            LockedBy = dueAt is null ? null : NotDueYet,
            LockedUntil = dueAt,
        };
        OutboxMessages.Add(message);
        if (dueAt is null)
        {
            HasDueMessage();
        }

        return message;
    }

    /// <summary>A held step the caller ran inline: processed with the caller's next save (a detached row is left to the dispatcher, which finds nothing to do).</summary>
    public void MarkProcessed(OutboxMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Entry(message).State != EntityState.Detached)
        {
            message.ProcessedAt = now;
            message.LockedBy = null;
            message.LockedUntil = null;
        }
    }

    /// <summary>Hands a held step to the dispatcher at once (with the caller's next save; call <see cref="TakeOutboxSignal"/> after it).</summary>
    public void ReleaseToDispatcher(OutboxMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Entry(message).State != EntityState.Detached)
        {
            message.LockedBy = null;
            message.LockedUntil = null;
            if (message.OccurredAt > now) // it carried the time it was held until: due now instead
            {
                message.OccurredAt = now;
            }

            HasDueMessage();
        }
    }

    /// <summary>A message due now is on its way to the outbox: whoever commits this context wakes the module's dispatcher loop.</summary>
    private void HasDueMessage()
    {
        _hasNewOutboxMessages = true;
        OutboxWrites.Wrote(GetType());
    }

    /// <summary>The <see cref="OutboxMessage.LockedBy"/> of a step that is not due yet.</summary>
    public const string NotDueYet = "not-due-yet";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotentRequestConfiguration());
        ConfigureModel(modelBuilder);
        if (Database.IsSqlite())
        {
            SqliteConventions.FlattenSchema(modelBuilder);
        }
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        if (Database.IsSqlite())
        {
            SqliteConventions.UseSortableDateTimeOffsets(configurationBuilder);
        }
    }
}
