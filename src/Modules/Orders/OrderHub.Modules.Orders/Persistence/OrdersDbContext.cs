using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Persistence;

/// <summary>The Orders module's own database: schema "orders", its tables, outbox and inbox.</summary>
internal abstract class OrdersDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "orders";
    public const string OrderNumberSequence = "OrderNumbers";
    public const string OrderNumberTable = "OrderNumberAllocations";

    protected override string Schema => SchemaName;

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<AppliedChange> AppliedChanges => Set<AppliedChange>();

    public DbSet<MarketplaceCursor> MarketplaceCursors => Set<MarketplaceCursor>();

    /// <summary>Placement steps this context wrote and holds for the request that runs them inline, by order.</summary>
    private readonly Dictionary<Guid, OutboxMessage> _heldPlacements = [];

    /// <summary>
    /// Whether the placements this context schedules are run inline by the request that caused them (the default: the
    /// step is held for it, <see cref="PlacementSchedule.InlineHold"/>) or left to the dispatcher at once.
    /// </summary>
    public bool RunsPlacementInline { get; set; } = true;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectChangesOnce();
        SchedulePlacements();
        PublishStatusChanges();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detected = DetectChangesOnce();
        SchedulePlacements();
        PublishStatusChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// One scan of the tracked entities for the whole save: reading the entries, reading a property's state and the save
    /// itself each scanned them again (the rows these steps add are tracked by <c>Add</c>, which needs no scan).
    /// </summary>
    private AutoDetectChangesScope DetectChangesOnce()
    {
        ChangeTracker.DetectChanges();
        var scope = new AutoDetectChangesScope(ChangeTracker, ChangeTracker.AutoDetectChangesEnabled);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return scope;
    }

    private readonly record struct AutoDetectChangesScope(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker Tracker, bool Enabled) : IDisposable
    {
        public void Dispose() => Tracker.AutoDetectChangesEnabled = Enabled;
    }

    /// <summary>An order placed inline has stopped: its step is processed with the next save.</summary>
    public void CompleteHeldPlacement(Guid orderId, DateTimeOffset now)
    {
        if (_heldPlacements.Remove(orderId, out var step))
        {
            MarkProcessed(step, now);
        }
    }

    /// <summary>The request will not run the order's placement on: its step is handed to the dispatcher with the next save.</summary>
    public void ReleaseHeldPlacement(Guid orderId, DateTimeOffset now)
    {
        if (_heldPlacements.Remove(orderId, out var step))
        {
            ReleaseToDispatcher(step, now);
        }
    }

    /// <summary>Status changes published, by order and version, so a save retried in the same context writes each once.</summary>
    private readonly HashSet<(Guid, int)> _publishedStatusChanges = [];

    /// <summary>Every order whose status changed in this save tells others (<see cref="OrderStatusChangedIntegrationEvent"/>), in the same save.</summary>
    private void PublishStatusChanges()
    {
        foreach (var entry in ChangeTracker.Entries<Order>().Where(e => e.State == EntityState.Modified).ToList())
        {
            var status = entry.Property(o => o.Status);
            if (status.IsModified && status.OriginalValue != status.CurrentValue && _publishedStatusChanges.Add((entry.Entity.Id, entry.Entity.Version)))
            {
                AddIntegrationEvent(new OrderStatusChangedIntegrationEvent(entry.Entity.Id, entry.Entity.Number, status.CurrentValue.ToString(), status.OriginalValue.ToString())
                {
                    OccurredAt = entry.Entity.UpdatedAt,
                });
            }
        }
    }

    /// <summary>
    /// Every order that (re-)entered Received gets its next placement step in the outbox, in this same save: no path
    /// can leave an order Received with nothing to carry it on.
    /// </summary>
    private void SchedulePlacements()
    {
        foreach (var order in ChangeTracker.Entries<Order>().Select(e => e.Entity).Where(o => o.TakePlacementDue()).ToList())
        {
            var step = AddInternalCommand(
                new ContinuePlacement(order.Id, order.Number) { OccurredAt = order.UpdatedAt },
                RunsPlacementInline ? order.UpdatedAt + PlacementSchedule.InlineHold : null);
            if (RunsPlacementInline)
            {
                _heldPlacements[order.Id] = step;
            }
        }
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(OrdersDbContext).Assembly,
            t => t.Namespace?.StartsWith(typeof(OrdersDbContext).Namespace!, StringComparison.Ordinal) == true);
        if (Database.IsSqlite())
        {
            modelBuilder.Entity<OrderNumberAllocation>(e =>
            {
                e.ToTable(OrderNumberTable);
                e.HasKey(a => a.Value);
                e.Property(a => a.Value).ValueGeneratedOnAdd();
            });
        }
        else
        {
            modelBuilder.HasSequence<long>(OrderNumberSequence);
        }
    }
}
