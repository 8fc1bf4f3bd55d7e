using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.ReleaseHold;

internal sealed class ReleaseHoldHandler(OrdersDbContext db, TimeProvider clock, ILogger<ReleaseHoldHandler> logger) : ICommandHandler<ReleaseHoldCommand, bool>
{
    public async ValueTask<bool> Handle(ReleaseHoldCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadOrderAsync(command.OrderId, cancellationToken);
        order.ReleaseHold(Enum.Parse<HoldType>(command.Type!), command.Reason!, command.Actor, clock.GetUtcNow());
        logger.LogInformation("Order {OrderNumber}: {HoldType} hold released by {Actor}: {Reason}", order.Number, command.Type, command.Actor, command.Reason);
        return true;
    }
}
