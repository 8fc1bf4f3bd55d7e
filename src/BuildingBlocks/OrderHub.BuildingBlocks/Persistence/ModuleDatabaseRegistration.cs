using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>A module's DbContext as the host sees it: for migrations, the outbox dispatcher and the unit of work.</summary>
public sealed record ModuleDatabase(string Module, string Schema, Type ContextType, IReadOnlyList<Assembly> OwnedAssemblies);

public static class ModuleDatabaseRegistration
{
    /// <summary>The database of the module whose assemblies hold <paramref name="messageType"/>; null for the host's own messages.</summary>
    public static ModuleDatabase? OwnerOf(this IEnumerable<ModuleDatabase> modules, Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return modules.FirstOrDefault(m => m.OwnedAssemblies.Contains(messageType.Assembly));
    }

    /// <summary>
    /// Registers the provider-specific context chosen by configuration and exposes it as <typeparamref name="TContext"/>.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TSqlServer, TPostgreSql>(
        this IServiceCollection services, string module, string schema, DatabaseOptions options, params Assembly[] ownedAssemblies)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TSqlServer : TContext
        where TPostgreSql : TContext
    {
        services.AddProviderDbContext<TContext, TSqlite, TSqlServer, TPostgreSql>(schema, options);
        services.AddSingleton(new ModuleDatabase(module, schema, typeof(TContext), ownedAssemblies));
        services.AddHealthChecks().AddDbContextCheck<TContext>($"db-{schema}", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Registers, for any context with one sealed subclass per provider, the subclass the configuration picks, exposed
    /// as <typeparamref name="TContext"/>, with its own migrations history table in <paramref name="schema"/>.
    /// </summary>
    public static IServiceCollection AddProviderDbContext<TContext, TSqlite, TSqlServer, TPostgreSql>(
        this IServiceCollection services, string schema, DatabaseOptions options)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
        where TPostgreSql : TContext
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => Add<TContext, TSqlite>(services, schema, options),
            DatabaseProvider.SqlServer => Add<TContext, TSqlServer>(services, schema, options),
            DatabaseProvider.PostgreSql => Add<TContext, TPostgreSql>(services, schema, options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider."),
        };
    }

    private static IServiceCollection Add<TContext, TConcrete>(IServiceCollection services, string schema, DatabaseOptions options)
        where TContext : DbContext
        where TConcrete : TContext
    {
        // Pooled: a request touches several module contexts, and creating each one's internal services anew cost
        // about a tenth of the host's CPU per order. The contexts hold no per-request state beyond EF's own (reset on
        // return); the outbox wake-up flag at worst wakes the dispatcher once for nothing.
        services.AddDbContextPool<TConcrete>(b => b.UseModuleDatabase(options.Provider, options.ConnectionString, schema), poolSize: 256);
        services.AddScoped<TContext>(sp => sp.GetRequiredService<TConcrete>());
        return services;
    }
}
