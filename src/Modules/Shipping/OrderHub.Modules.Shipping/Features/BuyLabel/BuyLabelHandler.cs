using System.Runtime.ExceptionServices;
using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>
/// Buys one shipment's label (<see cref="LabelPurchases"/>). A carrier that fails or times out, or a shipment no carrier
/// can take, throws: the outbox runs the step again, with its back-off.
/// </summary>
internal sealed class BuyLabelHandler(LabelPurchases purchases) : IInternalCommandHandler<BuyLabel>
{
    public async Task HandleAsync(BuyLabel command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var failed = await purchases.BuyAsync([new LabelToBuy(command.ShipmentId, command.Generation)], cancellationToken);
        if (failed.Count > 0)
        {
            ExceptionDispatchInfo.Throw(failed[0].Error);
        }
    }
}
