using System.Data.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>
/// Receives the order, then runs its placement on the order still in hand. A key used before (a replay, or a parallel
/// request that committed first) is answered with the first order, or 409 if the body differs. The REST path does not
/// look the key up first (a web store sends a key once): the key's unique index refuses a replay at commit, and only
/// then is it looked up, saving a round trip per order.
/// </summary>
internal sealed partial class PlaceOrderHandler(ISender sender, OrdersDbContext db, PlacementProcess placement, ILogger<PlaceOrderHandler> logger)
    : ICommandHandler<PlaceOrderCommand, PlacedOrder>
{
    public async ValueTask<PlacedOrder> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var request = command.Order;
        if (command.ReplaysExpected && await FindReplayAsync(request, cancellationToken) is { } known)
        {
            return known;
        }

        ReceivedOrder received;
        try
        {
            received = await sender.Send(request, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException || (ex is BusinessRuleViolationException && !command.ReplaysExpected))
        {
            // A rule refusal may also be a replay whose SKU has since gone: the lookup answers the replay, and a new order
            // is refused again. Expected, so Debug (the host keeps EF Core's error lines for a lost key out of the log).
            LogNotStored(ex, request.IdempotencyKey, ex.GetType().Name);
            if (await FindReplayAsync(request, cancellationToken) is not { } replay)
            {
                throw;
            }

            return replay;
        }

        var order = received.Order;
        var result = command.Extent == PlacementExtent.StockOnly
            ? await placement.ReserveReceivedAsync(order, cancellationToken)
            : await placement.RunAsync(order, cancellationToken);
        return new PlacedOrder(order.Id, order.Number, result);
    }

    private async Task<PlacedOrder?> FindReplayAsync(ReceiveOrderCommand request, CancellationToken cancellationToken)
    {
        var previous = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == request.IdempotencyKey, cancellationToken);
        if (previous is null)
        {
            return null;
        }

        if (previous.RequestHash != request.RequestHash)
        {
            throw new ConflictException("This Idempotency-Key was already used with a different request body.");
        }

        var number = await db.Orders.Where(o => o.Id == previous.OrderId).Select(o => o.Number).SingleAsync(cancellationToken);
        return new PlacedOrder(previous.OrderId, number, null);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Idempotency-Key {IdempotencyKey} was not stored ({Reason}): answering as a replay")]
    private partial void LogNotStored(Exception ex, string idempotencyKey, string reason);
}
