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
