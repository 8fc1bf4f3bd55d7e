using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Web.Access;

/// <summary>A back-office user (ASP.NET Core Identity).</summary>
public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

/// <summary>A web store, POS terminal or integrator. The key itself is never stored, only its SHA-256.</summary>
public sealed class ApiClient
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>First characters of the key, to recognise it in lists without revealing it.</summary>
    public required string KeyPrefix { get; set; }

    public required string KeyHash { get; set; }

    /// <summary>Space-separated scopes, e.g. "orders:write orders:read".</summary>
    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Staff identities and API clients: the host's own schema "access" (authentication is the host's job).</summary>
public abstract class AccessDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public const string SchemaName = "access";

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(SchemaName);
        builder.Entity<ApiClient>(e =>
        {
            e.ToTable("ApiClients");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.KeyPrefix).HasMaxLength(16);
            e.Property(c => c.KeyHash).HasMaxLength(64);
            e.Property(c => c.Scopes).HasMaxLength(2000);
            e.HasIndex(c => c.KeyHash).IsUnique();
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Actor).HasMaxLength(300);
            e.Property(a => a.Action).HasMaxLength(200);
            e.Property(a => a.Subject).HasMaxLength(300);
            e.Property(a => a.Method).HasMaxLength(10);
            e.Property(a => a.Path).HasMaxLength(500);
            e.Property(a => a.CorrelationId).HasMaxLength(100);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Actor, a.At });
            e.HasIndex(a => new { a.Subject, a.At });
        });
        if (Database.IsSqlite())
        {
            SqliteConventions.FlattenSchema(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        if (Database.IsSqlite())
        {
            SqliteConventions.UseSortableDateTimeOffsets(configurationBuilder);
        }
    }
}

internal sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options);

internal sealed class SqlServerAccessDbContext(DbContextOptions<SqlServerAccessDbContext> options) : AccessDbContext(options);

internal sealed class PostgreSqlAccessDbContext(DbContextOptions<PostgreSqlAccessDbContext> options) : AccessDbContext(options);

internal sealed class SqliteAccessDbContextFactory() : DesignTimeFactory<SqliteAccessDbContext>(DatabaseProvider.Sqlite, AccessDbContext.SchemaName);

internal sealed class SqlServerAccessDbContextFactory() : DesignTimeFactory<SqlServerAccessDbContext>(DatabaseProvider.SqlServer, AccessDbContext.SchemaName);

internal sealed class PostgreSqlAccessDbContextFactory() : DesignTimeFactory<PostgreSqlAccessDbContext>(DatabaseProvider.PostgreSql, AccessDbContext.SchemaName);
