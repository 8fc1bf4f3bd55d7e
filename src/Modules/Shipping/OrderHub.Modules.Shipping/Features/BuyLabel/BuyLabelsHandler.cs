using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>
/// Buys a batch of labels (<see cref="LabelPurchases"/>). One that fails (a carrier refusal or time-out) does not hold up
/// the others: it leaves the batch as a <see cref="BuyLabel"/> step of its own, which the outbox retries with its
/// back-off (saved after the batch's labels; a crash between runs the batch again, which buys only what is left). A
/// shipment of the batch changed meanwhile: nothing is saved, and the outbox runs the batch again.
/// </summary>
internal sealed partial class BuyLabelsHandler(LabelPurchases purchases, ShippingDbContext db, ILogger<BuyLabelsHandler> logger) : IInternalCommandHandler<BuyLabels>
{
    public async Task HandleAsync(BuyLabels command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var failed = await purchases.BuyAsync(command.Labels, cancellationToken);
        if (failed.Count == 0)
        {
            return;
        }

        foreach (var failure in failed)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = failure.OrderNumber });
            LogRetriedAlone(failure.Error, failure.OrderNumber, failure.Label.ShipmentId);
            db.AddInternalCommand(new BuyLabel(failure.Label.ShipmentId, failure.Label.Generation));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: the label of shipment {ShipmentId} could not be bought with its batch; it is tried again on its own")]
    private partial void LogRetriedAlone(Exception error, string orderNumber, Guid shipmentId);
}
