using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Compliance.Domain.Audit;
using OrderHub.Modules.Compliance.Domain.Decisions;
using OrderHub.Modules.Compliance.Domain.Permits;
using OrderHub.Modules.Compliance.Domain.Rules;

namespace OrderHub.Modules.Compliance.Persistence;

/// <summary>The Compliance module's own database: schema "compliance", its tables, outbox and inbox.</summary>
internal abstract class ComplianceDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "compliance";

    public DbSet<StateRuleVersion> RuleVersions => Set<StateRuleVersion>();

    public DbSet<WineryPermit> Permits => Set<WineryPermit>();

    public DbSet<ComplianceDecision> Decisions => Set<ComplianceDecision>();

    public DbSet<ComplianceAuditEntry> AuditEntries => Set<ComplianceAuditEntry>();

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplianceDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(ComplianceDbContext).Namespace!, StringComparison.Ordinal) == true);
}
