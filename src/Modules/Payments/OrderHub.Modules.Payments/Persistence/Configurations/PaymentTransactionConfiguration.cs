using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Payments.Domain;

namespace OrderHub.Modules.Payments.Persistence.Configurations;

internal sealed class PaymentTransactionConfiguration : IEntityTypeConfiguration<PaymentTransaction>
{
    public void Configure(EntityTypeBuilder<PaymentTransaction> builder)
    {
        builder.ToTable("Transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.OrderNumber).HasMaxLength(40);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Currency).HasMaxLength(3);
        builder.Property(t => t.CommandKey).HasMaxLength(255);
        builder.Property(t => t.GatewayKey).HasMaxLength(255);
        builder.Property(t => t.Gateway).HasMaxLength(20);
        builder.Property(t => t.Reference).HasMaxLength(255);
        builder.Property(t => t.Token).HasMaxLength(255);
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.Property(t => t.DeclineCode).HasMaxLength(100);
        builder.Property(t => t.Message).HasMaxLength(1000);
        builder.Ignore(t => t.Status);
        builder.Ignore(t => t.Succeeded);
        builder.Ignore(t => t.IsPending);

        // The idempotency claim: a second attempt with the same key cannot insert its own row.
        builder.HasIndex(t => t.GatewayKey).IsUnique();
        builder.HasIndex(t => t.CommandKey);
        builder.HasIndex(t => new { t.OrderId, t.CreatedAt });
        builder.HasIndex(t => t.Outcome);
    }
}
