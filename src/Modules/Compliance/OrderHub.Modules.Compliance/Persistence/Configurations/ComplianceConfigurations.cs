using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Compliance.Domain.Audit;
using OrderHub.Modules.Compliance.Domain.Decisions;
using OrderHub.Modules.Compliance.Domain.Permits;
using OrderHub.Modules.Compliance.Domain.Rules;

namespace OrderHub.Modules.Compliance.Persistence.Configurations;

internal sealed class StateRuleVersionConfiguration : IEntityTypeConfiguration<StateRuleVersion>
{
    public void Configure(EntityTypeBuilder<StateRuleVersion> builder)
    {
        builder.ToTable("StateRuleVersions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.StateCode).HasMaxLength(2);
        builder.HasIndex(r => new { r.StateCode, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.StateCode, r.IsCurrent });
        builder.Property(r => r.StateName).HasMaxLength(100);
        builder.Property(r => r.Dtc).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.DtcChangesTo).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.PermitName).HasMaxLength(300);
        builder.Property(r => r.Limits).HasMaxLength(500);
        builder.Property(r => r.Signature).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Conditions).HasMaxLength(2000);
        builder.Property(r => r.Confidence).HasMaxLength(20);
        builder.Property(r => r.EffectiveDate).HasMaxLength(50);
        builder.Property(r => r.Sources).HasMaxLength(300);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(1000);
    }
}

internal sealed class WineryPermitConfiguration : IEntityTypeConfiguration<WineryPermit>
{
    public void Configure(EntityTypeBuilder<WineryPermit> builder)
    {
        builder.ToTable("WineryPermits");
        builder.HasKey(p => p.StateCode);
        builder.Property(p => p.StateCode).HasMaxLength(2);
        builder.Property(p => p.PermitName).HasMaxLength(300);
        builder.Property(p => p.PermitNumber).HasMaxLength(100);
        builder.Property(p => p.LocationCodes).HasMaxLength(500);
        builder.Property(p => p.UpdatedBy).HasMaxLength(200);
        builder.Property(p => p.Reason).HasMaxLength(1000);
    }
}

internal sealed class ComplianceDecisionConfiguration : IEntityTypeConfiguration<ComplianceDecision>
{
    public void Configure(EntityTypeBuilder<ComplianceDecision> builder)
    {
        builder.ToTable("Decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DecisionKey).HasMaxLength(200);
        builder.HasIndex(d => d.DecisionKey).IsUnique();
        builder.HasIndex(d => d.OrderId);
        builder.Property(d => d.OrderNumber).HasMaxLength(50);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Rule).HasMaxLength(50);
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.Property(d => d.StateCode).HasMaxLength(2);
        builder.Property(d => d.ShipFromLocationCode).HasMaxLength(32);
        builder.Property(d => d.PurchaserName).HasMaxLength(201);
        builder.Property(d => d.RecipientName).HasMaxLength(201);
        builder.Property(d => d.DestinationText).HasMaxLength(700);
        builder.Property(d => d.EmailKey).HasMaxLength(254);
        builder.Property(d => d.PersonKey).HasMaxLength(400);
        builder.Property(d => d.AddressKey).HasMaxLength(400);
        builder.HasIndex(d => new { d.StateCode, d.CountsTowardLimits, d.OrderDate });

        // A consumer's prior volume is read by each key (DecideComplianceHandler.PriorVolumeAsync).
        builder.HasIndex(d => new { d.EmailKey, d.StateCode, d.OrderDate });
        builder.HasIndex(d => new { d.PersonKey, d.StateCode, d.OrderDate });
        builder.HasIndex(d => new { d.AddressKey, d.StateCode, d.OrderDate });
        builder.HasIndex(d => new { d.OrderDate, d.StateCode });
    }
}

internal sealed class ComplianceAuditEntryConfiguration : IEntityTypeConfiguration<ComplianceAuditEntry>
{
    public void Configure(EntityTypeBuilder<ComplianceAuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Actor).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(50);
        builder.Property(a => a.Subject).HasMaxLength(100);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.Property(a => a.Detail).HasMaxLength(4000);
        builder.HasIndex(a => a.At);
    }
}
