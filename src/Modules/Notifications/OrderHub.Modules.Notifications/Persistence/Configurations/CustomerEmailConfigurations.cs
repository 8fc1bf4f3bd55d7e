using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;

namespace OrderHub.Modules.Notifications.Persistence.Configurations;

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> builder)
    {
        builder.ToTable("CustomerContacts");
        builder.HasKey(c => c.OrderId);
        builder.Property(c => c.OrderId).ValueGeneratedNever();
        builder.Property(c => c.OrderNumber).HasMaxLength(20);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Name).HasMaxLength(200);
    }
}

internal sealed class PromisedDeliveryConfiguration : IEntityTypeConfiguration<PromisedDelivery>
{
    public void Configure(EntityTypeBuilder<PromisedDelivery> builder)
    {
        builder.ToTable("PromisedDeliveries");
        builder.HasKey(p => p.ShipmentId);
        builder.Property(p => p.ShipmentId).ValueGeneratedNever();
        builder.Property(p => p.OrderNumber).HasMaxLength(20);
    }
}

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> builder)
    {
        builder.ToTable("EmailTemplates");
        builder.HasKey(t => t.Type);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Subject).HasMaxLength(Features.CustomerEmails.EmailRenderer.MaxSourceLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Source);
    }
}
