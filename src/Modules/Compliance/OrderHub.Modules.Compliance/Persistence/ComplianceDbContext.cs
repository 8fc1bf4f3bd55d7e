using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Compliance.Persistence;

/// <summary>The Compliance module's own database: schema "compliance", its tables, outbox and inbox.</summary>
internal abstract class ComplianceDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "compliance";

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplianceDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(ComplianceDbContext).Namespace!, StringComparison.Ordinal) == true);
}
