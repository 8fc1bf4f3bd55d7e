using System.Reflection;
using NetArchTest.Rules;
using OrderHub.BuildingBlocks.Modules;
using Shouldly;

namespace OrderHub.ArchitectureTests;

/// <summary>A module sees other modules only through their Contracts; Contracts and BuildingBlocks see no module.</summary>
public sealed class ModuleBoundaryTests
{
    [Fact]
    public void The_solution_has_seven_modules_each_with_a_contracts_project()
    {
        Solution.ModuleAssemblies.Count.ShouldBeGreaterThanOrEqualTo(7);
        foreach (var module in Solution.ModuleAssemblies)
        {
            Solution.ContractsAssemblies.Select(a => a.GetName().Name).ShouldContain(module.GetName().Name + ".Contracts");
        }
    }

    [Fact]
    public void A_module_references_no_other_module_internals()
    {
        foreach (var module in Solution.ModuleAssemblies)
        {
            var forbidden = OrderHubReferences(module)
                .Where(r => r.StartsWith("OrderHub.Modules.", StringComparison.Ordinal) && !r.EndsWith(".Contracts", StringComparison.Ordinal))
                .ToList();
            forbidden.ShouldBeEmpty($"{module.GetName().Name} references module internals: {string.Join(", ", forbidden)}");
        }
    }

    [Fact]
    public void Contracts_reference_only_building_blocks()
    {
        foreach (var contracts in Solution.ContractsAssemblies)
        {
            OrderHubReferences(contracts).ShouldAllBe(r => r == "OrderHub.BuildingBlocks", $"{contracts.GetName().Name} may only use BuildingBlocks");
            Types.InAssembly(contracts).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult().IsSuccessful
                .ShouldBeTrue($"{contracts.GetName().Name} must not expose persistence types");
        }
    }

    [Fact]
    public void Building_blocks_know_no_module_and_no_host()
    {
        OrderHubReferences(Solution.BuildingBlocks).ShouldBeEmpty();
    }

    [Fact]
    public void Each_module_exposes_exactly_one_public_type_its_module_class()
    {
        foreach (var module in Solution.ModuleAssemblies)
        {
            var publicTypes = module.GetExportedTypes()
                .Where(t => t.Namespace?.Contains(".Migrations", StringComparison.Ordinal) != true) // EF generates public migrations
                .ToList();
            publicTypes.ShouldHaveSingleItem($"{module.GetName().Name} exports {string.Join(", ", publicTypes.Select(t => t.Name))}");
            typeof(IModule).IsAssignableFrom(publicTypes[0]).ShouldBeTrue();
        }
    }

    [Fact]
    public void Each_module_types_live_under_its_own_namespace()
    {
        foreach (var assembly in Solution.ModuleAssemblies.Concat(Solution.ContractsAssemblies))
        {
            var root = assembly.GetName().Name!;
            assembly.GetTypes()
                .Where(t => t.Namespace is not null && !t.Namespace.StartsWith("Microsoft", StringComparison.Ordinal) && !t.Namespace.StartsWith("System", StringComparison.Ordinal))
                .ShouldAllBe(t => t.Namespace!.StartsWith(root, StringComparison.Ordinal));
        }
    }

    private static List<string> OrderHubReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("OrderHub.", StringComparison.Ordinal))];
}
