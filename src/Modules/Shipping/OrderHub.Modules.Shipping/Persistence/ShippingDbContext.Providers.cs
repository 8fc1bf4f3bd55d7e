using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Shipping.Persistence;

// One sealed context per provider so each keeps its own migrations (Migrations/Sqlite, SqlServer, PostgreSql).
internal sealed class SqliteShippingDbContext(DbContextOptions<SqliteShippingDbContext> options) : ShippingDbContext(options);

internal sealed class SqlServerShippingDbContext(DbContextOptions<SqlServerShippingDbContext> options) : ShippingDbContext(options);

internal sealed class PostgreSqlShippingDbContext(DbContextOptions<PostgreSqlShippingDbContext> options) : ShippingDbContext(options);

internal sealed class SqliteShippingDbContextFactory() : DesignTimeFactory<SqliteShippingDbContext>(DatabaseProvider.Sqlite, ShippingDbContext.SchemaName);

internal sealed class SqlServerShippingDbContextFactory() : DesignTimeFactory<SqlServerShippingDbContext>(DatabaseProvider.SqlServer, ShippingDbContext.SchemaName);

internal sealed class PostgreSqlShippingDbContextFactory() : DesignTimeFactory<PostgreSqlShippingDbContext>(DatabaseProvider.PostgreSql, ShippingDbContext.SchemaName);
