using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.ArchitectureTests.Schemas;

/// <summary>Who owns which schema and tables, read from the real models (design-time factories, no database).</summary>
internal sealed record SchemaOwner(string Name, string Schema, Assembly Assembly, IReadOnlySet<string> Tables);

internal static class SchemaOwners
{
    /// <summary>Every module (found by reflection) plus the host's own contexts (its Access schema).</summary>
    public static readonly IReadOnlyList<SchemaOwner> All = [.. Solution.ModuleAssemblies.Select(ForModule), ForHost()];

    public static IEnumerable<SchemaOwner> Modules => All.Where(o => o.Assembly != Solution.Host);

    public static IModule ModuleOf(Assembly module) =>
        (IModule)Activator.CreateInstance(module.GetExportedTypes().Single(t => typeof(IModule).IsAssignableFrom(t)))!;

    /// <summary>One context per design-time factory (one per provider); building its model needs no server.</summary>
    public static IEnumerable<DbContext> CreateContexts(Assembly assembly)
    {
        var factories = assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .OrderBy(t => t.FullName);
        foreach (var factory in factories)
        {
            var create = factory.GetMethod("CreateDbContext")!;
            yield return (DbContext)create.Invoke(Activator.CreateInstance(factory), [Array.Empty<string>()])!;
        }
    }

    /// <summary>Table names as SQL would name them: "Orders" where schemas exist, "orders_Orders" on SQLite.</summary>
    public static IEnumerable<string> TableNames(IModel model) =>
        model.GetEntityTypes().Select(e => e.GetTableName() ?? e.GetViewName()).OfType<string>()
            .Concat(model.GetSequences().Select(s => s.Name));

    private static SchemaOwner ForModule(Assembly module)
    {
        var schema = ModuleOf(module).Schema;
        return new SchemaOwner(module.GetName().Name!, schema, module, Tables(module));
    }

    private static SchemaOwner ForHost()
    {
        using var db = CreateContexts(Solution.Host).First(c => !c.Database.IsSqlite());
        var schema = db.Model.GetDefaultSchema() ?? throw new InvalidOperationException("The host's context has no schema");
        return new SchemaOwner(Solution.Host.GetName().Name!, schema, Solution.Host, Tables(Solution.Host));
    }

    private static HashSet<string> Tables(Assembly assembly)
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var db in CreateContexts(assembly))
        {
            using (db)
            {
                tables.UnionWith(TableNames(db.Model));
            }
        }

        return tables;
    }
}
