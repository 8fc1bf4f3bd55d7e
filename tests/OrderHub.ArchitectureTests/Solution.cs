using System.Reflection;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.ArchitectureTests;

/// <summary>The solution's assemblies, found by reflection from the host (no hard-coded module list).</summary>
internal static class Solution
{
    public static readonly Assembly Host = typeof(Program).Assembly;

    public static readonly Assembly BuildingBlocks = typeof(IModule).Assembly;

    public static readonly IReadOnlyList<Assembly> ModuleAssemblies = Load(n => !n.EndsWith(".Contracts", StringComparison.Ordinal));

    public static readonly IReadOnlyList<Assembly> ContractsAssemblies = Load(n => n.EndsWith(".Contracts", StringComparison.Ordinal));

    public static IEnumerable<Assembly> All => [Host, BuildingBlocks, .. ModuleAssemblies, .. ContractsAssemblies];

    public static IEnumerable<Type> AllTypes => All.SelectMany(a => a.GetTypes());

    private static List<Assembly> Load(Func<string, bool> filter) =>
        [.. Host.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("OrderHub.Modules.", StringComparison.Ordinal))
            .Select(a => a.Name!.EndsWith(".Contracts", StringComparison.Ordinal) ? a.Name[..^".Contracts".Length] : a.Name)
            .SelectMany(n => new[] { n, n + ".Contracts" })
            .Distinct()
            .Where(filter)
            .Select(n => Assembly.Load(n))
            .OrderBy(a => a.GetName().Name)];
}
