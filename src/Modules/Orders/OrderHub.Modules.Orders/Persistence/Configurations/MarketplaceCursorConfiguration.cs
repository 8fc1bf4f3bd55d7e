using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderHub.Modules.Orders.Persistence.Configurations;

internal sealed class MarketplaceCursorConfiguration : IEntityTypeConfiguration<MarketplaceCursor>
{
    public void Configure(EntityTypeBuilder<MarketplaceCursor> builder)
    {
        builder.ToTable("MarketplaceCursors");
        builder.HasKey(c => c.Source);
        builder.Property(c => c.Source).HasMaxLength(50);
        builder.Property(c => c.Cursor).HasMaxLength(2000);
    }
}
