using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Fulfillment.Domain.LocationSettings;
using OrderHub.Modules.Fulfillment.Domain.Orders;
using OrderHub.Modules.Fulfillment.Domain.PickLists;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;
using OrderHub.Modules.Fulfillment.Domain.Sourcing;
using OrderHub.Modules.Fulfillment.Domain.SourcingRules;

namespace OrderHub.Modules.Fulfillment.Persistence;

/// <summary>The Fulfillment module's own database: schema "fulfillment", its tables, outbox and inbox.</summary>
internal abstract class FulfillmentDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "fulfillment";

    protected override string Schema => SchemaName;

    public DbSet<OrderToFulfill> OrdersToFulfill => Set<OrderToFulfill>();

    public DbSet<Domain.Fulfillments.Fulfillment> Fulfillments => Set<Domain.Fulfillments.Fulfillment>();

    public DbSet<SourcingDecision> SourcingDecisions => Set<SourcingDecision>();

    public DbSet<PickList> PickLists => Set<PickList>();

    public DbSet<SourcingRuleSet> SourcingRuleSets => Set<SourcingRuleSet>();

    public DbSet<SourcingRulesChange> SourcingRulesChanges => Set<SourcingRulesChange>();

    public DbSet<LocationSetting> LocationSettings => Set<LocationSetting>();

    public DbSet<LocationSettingsChange> LocationSettingsChanges => Set<LocationSettingsChange>();

    public DbSet<DropshipPurchaseOrder> DropshipPurchaseOrders => Set<DropshipPurchaseOrder>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FulfillmentDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(FulfillmentDbContext).Namespace!, StringComparison.Ordinal) == true);
}
