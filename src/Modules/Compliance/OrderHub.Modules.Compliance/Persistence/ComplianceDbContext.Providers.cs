using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Compliance.Persistence;

// One sealed context per provider so each keeps its own migrations (Migrations/Sqlite, SqlServer, PostgreSql).
internal sealed class SqliteComplianceDbContext(DbContextOptions<SqliteComplianceDbContext> options) : ComplianceDbContext(options);

internal sealed class SqlServerComplianceDbContext(DbContextOptions<SqlServerComplianceDbContext> options) : ComplianceDbContext(options);

internal sealed class PostgreSqlComplianceDbContext(DbContextOptions<PostgreSqlComplianceDbContext> options) : ComplianceDbContext(options);

internal sealed class SqliteComplianceDbContextFactory() : DesignTimeFactory<SqliteComplianceDbContext>(DatabaseProvider.Sqlite, ComplianceDbContext.SchemaName);

internal sealed class SqlServerComplianceDbContextFactory() : DesignTimeFactory<SqlServerComplianceDbContext>(DatabaseProvider.SqlServer, ComplianceDbContext.SchemaName);

internal sealed class PostgreSqlComplianceDbContextFactory() : DesignTimeFactory<PostgreSqlComplianceDbContext>(DatabaseProvider.PostgreSql, ComplianceDbContext.SchemaName);
