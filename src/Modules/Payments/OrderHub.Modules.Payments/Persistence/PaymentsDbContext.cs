using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Payments.Domain;

namespace OrderHub.Modules.Payments.Persistence;

/// <summary>The Payments module's own database: schema "payments", its tables, outbox and inbox.</summary>
internal abstract class PaymentsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "payments";

    public DbSet<PaymentTransaction> Transactions => Set<PaymentTransaction>();

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(PaymentsDbContext).Namespace!, StringComparison.Ordinal) == true);
}
