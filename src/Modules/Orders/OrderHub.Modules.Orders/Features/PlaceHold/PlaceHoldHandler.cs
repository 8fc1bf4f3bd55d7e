using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.PlaceHold;

internal sealed class PlaceHoldHandler(OrdersDbContext db, TimeProvider clock, ILogger<PlaceHoldHandler> logger) : ICommandHandler<PlaceHoldCommand, bool>
{
    public async ValueTask<bool> Handle(PlaceHoldCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadOrderAsync(command.OrderId, cancellationToken);
        if (!OrderTransitions.IsBeforePicking(order.Status))
        {
            throw new ConflictException($"Order {order.Number} is {order.Status}; holds apply before picking.");
        }

        order.PlaceHold(new StaffHoldRule(Enum.Parse<HoldType>(command.Type!), command.Reason!), command.Actor, clock.GetUtcNow());
        logger.LogInformation("Order {OrderNumber} put on {HoldType} hold by {Actor}", order.Number, command.Type, command.Actor);
        return true;
    }
}
