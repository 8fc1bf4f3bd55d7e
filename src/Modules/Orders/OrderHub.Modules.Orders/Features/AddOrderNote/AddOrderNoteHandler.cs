using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.AddOrderNote;

internal sealed class AddOrderNoteHandler(OrdersDbContext db, TimeProvider clock, ILogger<AddOrderNoteHandler> logger) : ICommandHandler<AddOrderNoteCommand, bool>
{
    public async ValueTask<bool> Handle(AddOrderNoteCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LoadOrderAsync(command.OrderId, cancellationToken);
        order.AddNote(command.Text!.Trim(), command.Actor, clock.GetUtcNow());
        logger.LogInformation("Order {OrderNumber}: note added by {Actor}", order.Number, command.Actor);
        return true;
    }
}
