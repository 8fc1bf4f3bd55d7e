using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Inventory.Persistence;

// One sealed context per provider so each keeps its own migrations (Migrations/Sqlite, SqlServer, PostgreSql).
internal sealed class SqliteInventoryDbContext(DbContextOptions<SqliteInventoryDbContext> options) : InventoryDbContext(options);

internal sealed class SqlServerInventoryDbContext(DbContextOptions<SqlServerInventoryDbContext> options) : InventoryDbContext(options);

internal sealed class PostgreSqlInventoryDbContext(DbContextOptions<PostgreSqlInventoryDbContext> options) : InventoryDbContext(options);

internal sealed class SqliteInventoryDbContextFactory() : DesignTimeFactory<SqliteInventoryDbContext>(DatabaseProvider.Sqlite, InventoryDbContext.SchemaName);

internal sealed class SqlServerInventoryDbContextFactory() : DesignTimeFactory<SqlServerInventoryDbContext>(DatabaseProvider.SqlServer, InventoryDbContext.SchemaName);

internal sealed class PostgreSqlInventoryDbContextFactory() : DesignTimeFactory<PostgreSqlInventoryDbContext>(DatabaseProvider.PostgreSql, InventoryDbContext.SchemaName);
