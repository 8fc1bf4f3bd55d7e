using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>SQLite has no schemas and all modules share one file: prefix table names with the schema instead.</summary>
public static class SqliteConventions
{
    public static void FlattenSchema(ModelBuilder modelBuilder)
    {
        // Owned types share their owner's table and follow its name.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList())
        {
            var table = entity.GetTableName();
            if (table is null || entity.GetSchema() is null)
            {
                continue;
            }

            entity.SetTableName($"{entity.GetSchema()}_{table}");
            entity.SetSchema(null);
        }

        modelBuilder.HasDefaultSchema(null);
    }

    /// <summary>SQLite cannot compare or sort DateTimeOffset; all our times are UTC, so the binary form orders correctly.</summary>
    public static void UseSortableDateTimeOffsets(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
