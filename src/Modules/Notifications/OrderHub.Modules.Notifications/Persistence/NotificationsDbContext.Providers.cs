using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Modules.Notifications.Persistence;

// One sealed context per provider so each keeps its own migrations (Migrations/Sqlite, SqlServer, PostgreSql).
internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class SqlServerNotificationsDbContext(DbContextOptions<SqlServerNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class PostgreSqlNotificationsDbContext(DbContextOptions<PostgreSqlNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class SqliteNotificationsDbContextFactory() : DesignTimeFactory<SqliteNotificationsDbContext>(DatabaseProvider.Sqlite, NotificationsDbContext.SchemaName);

internal sealed class SqlServerNotificationsDbContextFactory() : DesignTimeFactory<SqlServerNotificationsDbContext>(DatabaseProvider.SqlServer, NotificationsDbContext.SchemaName);

internal sealed class PostgreSqlNotificationsDbContextFactory() : DesignTimeFactory<PostgreSqlNotificationsDbContext>(DatabaseProvider.PostgreSql, NotificationsDbContext.SchemaName);
