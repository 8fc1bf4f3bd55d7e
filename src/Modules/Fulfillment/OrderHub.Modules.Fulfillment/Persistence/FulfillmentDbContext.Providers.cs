using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Fulfillment.Persistence;

// One sealed context per provider so each keeps its own migrations (Migrations/Sqlite, SqlServer, PostgreSql).
internal sealed class SqliteFulfillmentDbContext(DbContextOptions<SqliteFulfillmentDbContext> options) : FulfillmentDbContext(options);

internal sealed class SqlServerFulfillmentDbContext(DbContextOptions<SqlServerFulfillmentDbContext> options) : FulfillmentDbContext(options);

internal sealed class PostgreSqlFulfillmentDbContext(DbContextOptions<PostgreSqlFulfillmentDbContext> options) : FulfillmentDbContext(options);

internal sealed class SqliteFulfillmentDbContextFactory() : DesignTimeFactory<SqliteFulfillmentDbContext>(DatabaseProvider.Sqlite, FulfillmentDbContext.SchemaName);

internal sealed class SqlServerFulfillmentDbContextFactory() : DesignTimeFactory<SqlServerFulfillmentDbContext>(DatabaseProvider.SqlServer, FulfillmentDbContext.SchemaName);

internal sealed class PostgreSqlFulfillmentDbContextFactory() : DesignTimeFactory<PostgreSqlFulfillmentDbContext>(DatabaseProvider.PostgreSql, FulfillmentDbContext.SchemaName);
