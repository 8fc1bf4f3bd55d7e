using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Notifications.Domain.Alerts;

namespace OrderHub.Modules.Notifications.Persistence.Configurations;

internal sealed class StaffAlertConfiguration : IEntityTypeConfiguration<StaffAlert>
{
    public void Configure(EntityTypeBuilder<StaffAlert> builder)
    {
        builder.ToTable("StaffAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.WhatToDo).HasMaxLength(2000);
        builder.Property(a => a.Link).HasMaxLength(300);
        builder.Property(a => a.Subject).HasMaxLength(200);
        builder.Property(a => a.DedupKey).HasMaxLength(200);
        builder.Property(a => a.OpenKey).HasMaxLength(200);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(300);
        builder.Property(a => a.AcknowledgementNote).HasMaxLength(StaffAlert.NoteMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsOpen);

        // One open alert per condition: nulls (acknowledged) do not collide (SQL Server gets an IS NOT NULL filter).
        builder.HasIndex(a => a.OpenKey).IsUnique();
        builder.HasIndex(a => a.DedupKey);
        builder.HasIndex(a => new { a.Kind, a.RaisedAt });
        builder.HasIndex(a => a.AcknowledgedAt);
    }
}
