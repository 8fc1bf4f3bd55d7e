using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Shipping.Persistence;

/// <summary>The Shipping module's own database: schema "shipping", its tables, outbox and inbox.</summary>
internal abstract class ShippingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "shipping";

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShippingDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(ShippingDbContext).Namespace!, StringComparison.Ordinal) == true);
}
