using Mediator;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.ResumePlacement;

internal sealed class ResumePlacementHandler(PlacementProcess placement) : ICommandHandler<ResumePlacementCommand, bool>
{
    public async ValueTask<bool> Handle(ResumePlacementCommand command, CancellationToken cancellationToken)
    {
        await placement.RunAsync(command.OrderId, cancellationToken);
        return true;
    }
}
