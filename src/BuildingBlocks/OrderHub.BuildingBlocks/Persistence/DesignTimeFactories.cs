using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build a provider-specific context without a server or a host. Each module declares
/// one sealed subclass per provider next to its contexts.
/// </summary>
public abstract class DesignTimeFactory<TContext>(DatabaseProvider provider, string schema) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=design-time.db",
            DatabaseProvider.SqlServer => "Server=localhost;Database=orderhub;Trusted_Connection=True;TrustServerCertificate=True",
            _ => "Host=localhost;Database=orderhub;Username=orderhub;Password=orderhub",
        };
        var options = new DbContextOptionsBuilder<TContext>().UseModuleDatabase(provider, connectionString, schema).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
