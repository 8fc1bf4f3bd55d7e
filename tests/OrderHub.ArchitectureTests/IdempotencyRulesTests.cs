using System.Reflection;
using Mediator;
using OrderHub.BuildingBlocks.Application;
using Shouldly;

namespace OrderHub.ArchitectureTests;

/// <summary>
/// Idempotency is the pipeline's job: a command that carries a client's Idempotency-Key is an <see cref="IIdempotentCommand{TResponse}"/>,
/// and no handler reads or writes the remembered requests itself, so none can forget to remember.
/// </summary>
public sealed class IdempotencyRulesTests
{
    /// <summary>Commands whose key is not a replay key of the pipeline, each with the reason.</summary>
    private static readonly Dictionary<string, string> DomainKeyed = new(StringComparer.Ordinal)
    {
        // The key is the payment ledger's: written (Pending) before the gateway call and passed to the gateway, so a
        // replay re-reads the ledger and retries a step the gateway never answered instead of repeating a stored answer.
        ["AuthorizePaymentCommand"] = "payment ledger key",
        ["CapturePaymentCommand"] = "payment ledger key",
        ["VoidPaymentCommand"] = "payment ledger key",
        ["RefundPaymentCommand"] = "payment ledger key",
        // A change's key is its identity across modules (its stock, compliance and payment steps are keyed by it) and the
        // order's change lease is its claim: the change is recorded with itself (AppliedChange), like the payment ledger.
        ["ChangeOrderCommand"] = "Orders: key of the change and of its steps in other modules",
        ["ConsolidateOrdersCommand"] = "Orders: key of the consolidation and of its steps in other modules",
    };

    [Fact]
    public void A_command_with_an_idempotency_key_is_an_idempotent_command()
    {
        var offenders = Solution.ModuleAssemblies.Concat(Solution.ContractsAssemblies)
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(IBaseCommand).IsAssignableFrom(t))
            .Where(t => t.GetProperty("IdempotencyKey", BindingFlags.Public | BindingFlags.Instance) is not null)
            .Where(t => !IsIdempotentCommand(t) && !DomainKeyed.ContainsKey(t.Name))
            .Select(t => t.FullName)
            .ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void No_handler_touches_the_remembered_requests()
    {
        var offenders = Solution.ModuleAssemblies
            .SelectMany(SourceFiles.Of)
            .Where(f => f.EndsWith("Handler.cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("IdempotentRequest", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SourceFiles.Root, f))
            .ToList();
        offenders.ShouldBeEmpty();
    }

    private static bool IsIdempotentCommand(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIdempotentCommand<>));
}
