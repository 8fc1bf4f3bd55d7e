using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>How every module stores an <see cref="Address"/> it owns: six columns named with a prefix ("Ship", "Bill" or none).</summary>
public static class AddressColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Address> address, string prefix = "")
        where TOwner : class
    {
        ArgumentNullException.ThrowIfNull(address);
        address.Property(x => x.Line1).HasColumnName(prefix + "Line1").HasMaxLength(200);
        address.Property(x => x.Line2).HasColumnName(prefix + "Line2").HasMaxLength(200);
        address.Property(x => x.City).HasColumnName(prefix + "City").HasMaxLength(100);
        address.Property(x => x.Region).HasColumnName(prefix + "Region").HasMaxLength(100);
        address.Property(x => x.PostalCode).HasColumnName(prefix + "PostalCode").HasMaxLength(20);
        address.Property(x => x.Country).HasColumnName(prefix + "Country").HasMaxLength(2);
    }
}
