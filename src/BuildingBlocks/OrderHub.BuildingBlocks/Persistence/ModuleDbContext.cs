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

    /// <summary>True once an integration event was added since the last <see cref="TakeOutboxSignal"/>.</summary>
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
        _hasNewOutboxMessages = true;
    }

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
