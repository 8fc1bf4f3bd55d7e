using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Notifications.Domain.Emails;

namespace OrderHub.Modules.Notifications.Persistence.Configurations;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.ToTable("EmailMessages");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.To).HasMaxLength(254);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.OrderNumber).HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => e.OrderNumber);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.DedupKey).HasMaxLength(120);
        builder.HasIndex(e => e.DedupKey).IsUnique(); // NULLs (staff mail) never collide
    }
}
