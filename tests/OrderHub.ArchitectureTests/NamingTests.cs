using System.Reflection;
using FluentValidation;
using Hangfire;
using Mediator;
using Mono.Cecil;
using OrderHub.BuildingBlocks.Domain;
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

    [Fact]
    public void Notifications_other_than_integration_events_are_internal_domain_events()
    {
        // Decision: today the only notifications are integration events. A module may add internal messages, but then
        // they are *DomainEvent and internal (STYLE.md 4), and nothing but an IntegrationEvent is named *IntegrationEvent.
        EventOffences(Concrete).ShouldBeEmpty();
    }

    [Fact]
    public void Business_rules_end_in_rule()
    {
        RuleOffences(Concrete).ShouldBeEmpty();
    }

    [Fact]
    public void Recurring_jobs_end_in_job()
    {
        var jobs = Solution.All.SelectMany(RecurringJobTypes).Distinct().ToList();
        jobs.ShouldNotBeEmpty();
        jobs.Where(n => !n.EndsWith("Job", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void The_naming_rules_catch_badly_named_fixtures()
    {
        EventOffences([typeof(PublicDomainEvent), typeof(OrderShippedNotice), typeof(FakeIntegrationEvent)]).Count.ShouldBe(3);
        EventOffences([typeof(ShippedDomainEvent)]).ShouldBeEmpty();
        RuleOffences([typeof(MustBePositive), typeof(MustBePositiveRule)]).ShouldBe([nameof(MustBePositive)]);
        RecurringJobTypes(typeof(NamingTests).Assembly).ShouldBe([nameof(NightlyCleanup)]);
    }

    internal static List<string> EventOffences(IEnumerable<Type> types) =>
        [.. types.Where(t => typeof(INotification).IsAssignableFrom(t) && !typeof(IntegrationEvent).IsAssignableFrom(t))
            .Where(t => !t.Name.EndsWith("DomainEvent", StringComparison.Ordinal) || t.IsPublic || t.IsNestedPublic)
            .Concat(types.Where(t => t.Name.EndsWith("IntegrationEvent", StringComparison.Ordinal) && !typeof(IntegrationEvent).IsAssignableFrom(t)))
            .Select(t => t.Name)];

    internal static List<string> RuleOffences(IEnumerable<Type> types) =>
        [.. types.Where(t => typeof(IBusinessRule).IsAssignableFrom(t) && !t.Name.EndsWith("Rule", StringComparison.Ordinal)).Select(t => t.Name)];

    /// <summary>The job classes of every Hangfire <c>AddOrUpdate&lt;T&gt;</c> call in the assembly's IL (jobs scheduled only under some configuration too).</summary>
    internal static List<string> RecurringJobTypes(Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        return [.. module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Select(i => i.Operand)
            .OfType<GenericInstanceMethod>()
            .Where(m => m.Name == nameof(RecurringJob.AddOrUpdate) && m.DeclaringType.Namespace == "Hangfire")
            .Select(m => m.GenericArguments[0].Name)
            .Distinct()];
    }

    private static bool IsSealedRecord(Type type) => type.IsSealed && type.GetMethod("<Clone>$") is not null;

    public sealed record PublicDomainEvent : INotification;

    private sealed record OrderShippedNotice : INotification;

    private sealed record FakeIntegrationEvent;

    private sealed record ShippedDomainEvent : INotification;

    private sealed class MustBePositive : IBusinessRule
    {
        public string Message => "positive";

        public bool IsBroken() => false;
    }

    private sealed class MustBePositiveRule : IBusinessRule
    {
        public string Message => "positive";

        public bool IsBroken() => false;
    }

    private sealed class NightlyCleanup
    {
        private int _runs;

        public static void Schedule(IRecurringJobManager jobs) => jobs.AddOrUpdate<NightlyCleanup>("cleanup", j => j.Run(), Cron.Daily());

        public void Run() => _runs++;
    }
}
