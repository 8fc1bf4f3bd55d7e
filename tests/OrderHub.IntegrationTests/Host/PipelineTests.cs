using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Application;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Inventory.Features.CreateLocation;
using OrderHub.Modules.Orders.Features.CancelOrder;
using OrderHub.Modules.Orders.Features.GetOrderDetails;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>Pins the Mediator pipeline: logging outermost, validation before any transaction opens, unit of work innermost.</summary>
public sealed class PipelineTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Commands_pass_logging_then_validation_then_the_unit_of_work()
    {
        var order = await fixture.App.InScopeAsync(sp => Task.FromResult(
            sp.GetServices<IPipelineBehavior<CancelOrderCommand, bool>>().Select(b => b.GetType().GetGenericTypeDefinition()).ToList()));
        order.ShouldBe([typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)]);
    }

    [Fact]
    public async Task Idempotent_commands_pass_the_idempotency_behaviour_inside_the_unit_of_work()
    {
        var order = await fixture.App.InScopeAsync(sp => Task.FromResult(
            sp.GetServices<IPipelineBehavior<CreateLocationCommand, LocationDto>>().Select(b => b.GetType().GetGenericTypeDefinition()).ToList()));
        order.ShouldBe([typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>), typeof(IdempotencyBehavior<,>)]);
    }

    [Fact]
    public async Task Queries_skip_the_unit_of_work()
    {
        var order = await fixture.App.InScopeAsync(sp => Task.FromResult(
            sp.GetServices<IPipelineBehavior<GetOrderDetailsQuery, OrderDetailsDto>>().Select(b => b.GetType().GetGenericTypeDefinition()).ToList()));
        order.ShouldBe([typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)]);
    }
}
