using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OrderHub.Web.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Persistence;

/// <summary>Every context on every provider has migrations, and they match its model (no pending changes).</summary>
public sealed class MigrationsTests
{
    public static TheoryData<string> DesignTimeFactories()
    {
        var data = new TheoryData<string>();
        foreach (var type in Factories())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void Every_module_and_the_host_have_a_factory_for_each_of_the_three_providers()
    {
        // one per provider for each module plus the host's Access context
        Factories().Count.ShouldBe((ModuleCatalog.All.Count + 1) * 3);
    }

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void Migrations_match_the_model(string factoryTypeName)
    {
        var factoryType = Factories().Single(t => t.FullName == factoryTypeName);
        var factory = Activator.CreateInstance(factoryType)!;
        var create = factoryType.GetMethod("CreateDbContext")!;
        using var db = (DbContext)create.Invoke(factory, [Array.Empty<string>()])!;

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"{db.GetType().Name} has model changes without a migration: run scripts/add-migration.sh");
    }

    private static List<Type> Factories() =>
        [.. new[] { typeof(ModuleCatalog).Assembly }
            .Concat(ModuleCatalog.All.Select(m => m.GetType().Assembly))
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .OrderBy(t => t.FullName)];

}
