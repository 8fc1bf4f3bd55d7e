using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Payments.Persistence;

// One sealed context per provider so each keeps its own migrations (Migrations/Sqlite, SqlServer, PostgreSql).
internal sealed class SqlitePaymentsDbContext(DbContextOptions<SqlitePaymentsDbContext> options) : PaymentsDbContext(options);

internal sealed class SqlServerPaymentsDbContext(DbContextOptions<SqlServerPaymentsDbContext> options) : PaymentsDbContext(options);

internal sealed class PostgreSqlPaymentsDbContext(DbContextOptions<PostgreSqlPaymentsDbContext> options) : PaymentsDbContext(options);

internal sealed class SqlitePaymentsDbContextFactory() : DesignTimeFactory<SqlitePaymentsDbContext>(DatabaseProvider.Sqlite, PaymentsDbContext.SchemaName);

internal sealed class SqlServerPaymentsDbContextFactory() : DesignTimeFactory<SqlServerPaymentsDbContext>(DatabaseProvider.SqlServer, PaymentsDbContext.SchemaName);

internal sealed class PostgreSqlPaymentsDbContextFactory() : DesignTimeFactory<PostgreSqlPaymentsDbContext>(DatabaseProvider.PostgreSql, PaymentsDbContext.SchemaName);
