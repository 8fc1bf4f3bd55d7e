using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.FollowSourcing;

/// <summary>
/// After sourcing: the compliance decision is taken again for each location the order now ships from (written with
/// the Sourced entry, run by the outbox dispatcher, outside the inbox's transaction because Compliance records it).
/// </summary>
internal sealed record RecheckComplianceForOrigin(Guid OrderId, IReadOnlyList<SourcedOrigin> Origins) : InternalCommand;

/// <summary>A fulfillment and the location it ships from.</summary>
internal sealed record SourcedOrigin(Guid FulfillmentId, string LocationCode);

/// <summary>
/// Asks Compliance again with the chosen ship-from location (one decision per fulfillment, keyed by it, all the order's
/// lines so the volume counted stays the order's): the re-check is on the timeline; if the destination's permit does not
/// cover the origin (rule LocationNotLicensed: a permit changed since sourcing read it) the order goes on a Compliance
/// hold naming the origin, and no pick wave takes it until staff release it. An order no
/// longer ready (held, changed, cancelled meanwhile) is left alone: it is checked again when it is ready again.
/// </summary>
internal sealed partial class RecheckComplianceForOriginHandler(OrdersDbContext db, ISender sender, TimeProvider clock, ILogger<RecheckComplianceForOriginHandler> logger)
    : IInternalCommandHandler<RecheckComplianceForOrigin>
{
    private const string Actor = "system:compliance";

    /// <summary>Compliance's rule for a ship-from location the destination's permit does not cover.</summary>
    private const string LocationNotLicensed = "LocationNotLicensed";

    public async Task HandleAsync(RecheckComplianceForOrigin command, CancellationToken cancellationToken)
    {
        var order = await db.LoadOrderAsync(command.OrderId, cancellationToken);
        if (order.Status != OrderStatus.ReadyToFulfill)
        {
            return;
        }

        var lines = order.Lines.Where(l => l.Status != OrderStatus.Cancelled).Select(l => l.AsPriced()).ToList();
        var approved = new List<string>();
        foreach (var origin in command.Origins)
        {
            var question = ComplianceRequests.For(order, lines, order.ShippingAddress, $"order:{order.Id:N}:compliance:fulfillment:{origin.FulfillmentId:N}")
                with
            { ShipFromLocationCode = origin.LocationCode };
            var decision = await sender.Send(question, cancellationToken);
            // Only the origin is new: age, volume and destination were decided at placement (and a hold there released
            // by staff stays released), so only a refusal of the ship-from location holds the order now.
            if (decision.Outcome != ComplianceOutcome.Approved && decision.Rule == LocationNotLicensed)
            {
                order.PlaceHold(new ComplianceHoldRule(decision.Rule, $"Shipping from {origin.LocationCode}: {decision.Reason}"), Actor, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                LogHeld(order.Number, origin.LocationCode, decision.Rule ?? decision.Outcome.ToString());
                return;
            }

            approved.Add(origin.LocationCode);
        }

        order.RecordComplianceRechecked($"Shipping from {string.Join(", ", approved)} checked: the permit covers it", Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber} held: compliance refuses shipping it from {LocationCode} ({Rule})")]
    private partial void LogHeld(string orderNumber, string locationCode, string rule);
}
