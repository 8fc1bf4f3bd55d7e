using Microsoft.EntityFrameworkCore;

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
}
