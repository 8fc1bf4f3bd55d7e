using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Orders.Persistence;

// One sealed context per provider so each keeps its own migrations (Migrations/Sqlite, SqlServer, PostgreSql).
internal sealed class SqliteOrdersDbContext(DbContextOptions<SqliteOrdersDbContext> options) : OrdersDbContext(options);

internal sealed class SqlServerOrdersDbContext(DbContextOptions<SqlServerOrdersDbContext> options) : OrdersDbContext(options);

internal sealed class PostgreSqlOrdersDbContext(DbContextOptions<PostgreSqlOrdersDbContext> options) : OrdersDbContext(options);

internal sealed class SqliteOrdersDbContextFactory() : DesignTimeFactory<SqliteOrdersDbContext>(DatabaseProvider.Sqlite, OrdersDbContext.SchemaName);

internal sealed class SqlServerOrdersDbContextFactory() : DesignTimeFactory<SqlServerOrdersDbContext>(DatabaseProvider.SqlServer, OrdersDbContext.SchemaName);

internal sealed class PostgreSqlOrdersDbContextFactory() : DesignTimeFactory<PostgreSqlOrdersDbContext>(DatabaseProvider.PostgreSql, OrdersDbContext.SchemaName);
