using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Compliance.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Compliance.Features.ReleaseVolumeOnOrderCancelled;

/// <summary>A cancelled order no longer counts towards the consumer's volume limits, exactly once (inbox).</summary>
internal sealed class ReleaseVolumeOnOrderCancelledHandler(ComplianceDbContext db, ISender sender, TimeProvider clock, ILogger<ReleaseVolumeOnOrderCancelledHandler> logger)
    : InboxHandler<OrderCancelledIntegrationEvent, ComplianceDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        await sender.Send(new ReleaseComplianceVolumeCommand(integrationEvent.OrderId), cancellationToken);
        Logger.LogInformation("Order {OrderNumber} no longer counts towards volume limits", integrationEvent.OrderNumber);
    }
}
