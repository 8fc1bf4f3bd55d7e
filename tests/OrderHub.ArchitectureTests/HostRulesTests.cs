using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace OrderHub.ArchitectureTests;

/// <summary>The host composes; it holds no business logic, and only it runs the Mediator source generator.</summary>
public sealed class HostRulesTests
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>), typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(INotificationHandler<>),
    ];

    [Fact]
    public void The_host_has_no_handlers_validators_or_domain()
    {
        var offenders = Solution.Host.GetTypes()
            .Where(t => !t.IsAbstract && t.Namespace?.StartsWith("OrderHub.Web", StringComparison.Ordinal) == true)
            .Where(t => ImplementsAny(t, HandlerInterfaces)
                || typeof(IValidator).IsAssignableFrom(t)
                || t.Namespace!.Contains(".Domain", StringComparison.Ordinal)
                || t.Namespace.Contains(".Features", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void The_host_owns_no_module_database()
    {
        // Only the host's own Access (identity) contexts; module data stays in modules.
        Solution.Host.GetTypes()
            .Where(t => typeof(DbContext).IsAssignableFrom(t))
            .ShouldAllBe(t => t.Namespace == "OrderHub.Web.Access");
    }

    [Fact]
    public void Every_contracts_assembly_with_messages_is_given_to_the_mediator_generator()
    {
        // An assembly left out compiles, yet its integration events are published to no one and marked delivered.
        var setup = File.ReadAllText(Path.Combine(SourceFiles.Root, "src", "OrderHub.Web", "Infrastructure", "HostSetup.cs"));
        var options = setup[setup.IndexOf("options.Assemblies", StringComparison.Ordinal)..setup.IndexOf("options.PipelineBehaviors", StringComparison.Ordinal)];
        var missing = Solution.ContractsAssemblies
            .Where(a => a.GetTypes().Any(t => typeof(IBaseRequest).IsAssignableFrom(t) || typeof(INotification).IsAssignableFrom(t)))
            .Where(a => !options.Contains($"typeof({a.GetName().Name}.", StringComparison.Ordinal))
            .Select(a => a.GetName().Name)
            .ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_host_contains_the_generated_mediator()
    {
        Solution.Host.GetType("Mediator.Mediator").ShouldNotBeNull();
        foreach (var assembly in Solution.ModuleAssemblies.Concat(Solution.ContractsAssemblies).Append(Solution.BuildingBlocks))
        {
            assembly.GetType("Mediator.Mediator").ShouldBeNull($"{assembly.GetName().Name} must not run the Mediator generator");
        }
    }

    internal static bool ImplementsAny(Type type, Type[] openGenerics) =>
        type.GetInterfaces().Any(i => i.IsGenericType && openGenerics.Contains(i.GetGenericTypeDefinition()));
}
