using Mediator;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>Gives back the stock a cancelled fulfillment held under its own key (releasing twice changes nothing).</summary>
internal sealed class ReleaseFulfillmentStockHandler(ISender sender) : IInternalCommandHandler<ReleaseFulfillmentStock>
{
    public async Task HandleAsync(ReleaseFulfillmentStock command, CancellationToken cancellationToken) =>
        await sender.Send(new ReleaseStockCommand(command.ReservationKey, command.Reason), cancellationToken);
}
