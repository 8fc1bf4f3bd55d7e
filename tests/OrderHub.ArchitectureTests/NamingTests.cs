using FluentValidation;
using Mediator;
using OrderHub.BuildingBlocks.Messaging;
using Shouldly;

namespace OrderHub.ArchitectureTests;

/// <summary>Suffixes are law (STYLE.md): the name says what the type is.</summary>
public sealed class NamingTests
{
    private static IEnumerable<Type> Concrete => Solution.AllTypes.Where(t => t is { IsAbstract: false, IsInterface: false } && t.Namespace?.StartsWith("OrderHub", StringComparison.Ordinal) == true);

    [Fact]
    public void Commands_and_queries_are_sealed_records_named_for_what_they_are()
    {
        foreach (var type in Concrete.Where(t => typeof(IBaseCommand).IsAssignableFrom(t)))
        {
            type.Name.ShouldEndWith("Command");
            IsSealedRecord(type).ShouldBeTrue($"{type.Name} should be a sealed record");
        }

        foreach (var type in Concrete.Where(t => typeof(IBaseQuery).IsAssignableFrom(t)))
        {
            type.Name.ShouldEndWith("Query");
            IsSealedRecord(type).ShouldBeTrue($"{type.Name} should be a sealed record");
        }
    }

    [Fact]
    public void Handlers_and_validators_say_so()
    {
        Type[] handlers = [typeof(IRequestHandler<,>), typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(INotificationHandler<>)];
        foreach (var type in Concrete.Where(t => HostRulesTests.ImplementsAny(t, handlers)))
        {
            type.Name.ShouldEndWith("Handler");
            type.IsPublic.ShouldBeFalse($"{type.Name} should be internal");
        }

        foreach (var type in Concrete.Where(t => typeof(IValidator).IsAssignableFrom(t)))
        {
            type.Name.ShouldEndWith("Validator");
        }
    }

    [Fact]
    public void Integration_events_live_in_contracts_and_say_so()
    {
        var events = Concrete.Where(t => typeof(IntegrationEvent).IsAssignableFrom(t)).ToList();
        events.ShouldNotBeEmpty();
        foreach (var type in events)
        {
            type.Name.ShouldEndWith("IntegrationEvent");
            type.Assembly.GetName().Name!.ShouldEndWith(".Contracts");
            IsSealedRecord(type).ShouldBeTrue();
        }
    }

    private static bool IsSealedRecord(Type type) => type.IsSealed && type.GetMethod("<Clone>$") is not null;
}
