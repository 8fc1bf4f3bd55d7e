using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Features.ChangeOrder;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.ConsolidateOrders;

/// <summary>
/// Folds open orders of one customer to one address into one before picking, to ship once. The target takes every
/// line through a normal change (stock, compliance and payment agreed together); the others are then closed as
/// "Merged" with a link to the target, and their cancellation event gives back their own holds. The originals stay
/// readable, with their timelines.
/// </summary>
internal sealed partial class ConsolidateOrdersHandler(
    OrdersDbContext db,
    ISender sender,
    TimeProvider clock,
    ILogger<ConsolidateOrdersHandler> logger) : ICommandHandler<ConsolidateOrdersCommand, Unit>
{
    public async ValueTask<Unit> Handle(ConsolidateOrdersCommand request, CancellationToken cancellationToken)
    {
        var (targetId, idempotencyKey, actor) = (request.TargetId, request.IdempotencyKey, request.Actor);
        var ids = request.OrderIds!.Distinct().Where(id => id != targetId).ToList();
        var target = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == targetId, cancellationToken)
            ?? throw new NotFoundException("Order", targetId.ToString());
        var others = await db.Orders.Include(o => o.Lines).Include(o => o.Holds).Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        var missing = ids.Except(others.Select(o => o.Id)).ToList();
        if (missing.Count > 0)
        {
            throw new NotFoundException("Order", string.Join(", ", missing));
        }

        if (others.All(o => o.MergedIntoOrderId == targetId))
        {
            return Unit.Value; // already merged (a repeated request)
        }

        foreach (var other in others)
        {
            EnsureMergeable(target, other);
        }

        var combined = target.Lines.Concat(others.SelectMany(o => o.Lines))
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new LineInput(g.Key, g.Sum(l => l.Quantity)))
            .ToList();
        var numbers = string.Join(", ", others.Select(o => o.Number));
        await sender.Send(
            new ChangeOrderCommand(targetId, new ChangeOrderRequest(combined, null, $"Consolidated {numbers}: {request.Reason}"), $"merge:{idempotencyKey}", actor),
            cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var other in others)
        {
            other.MergeInto(target, actor, now);
            db.AddIntegrationEvent(new OrderCancelledIntegrationEvent(other.Id, other.Number, $"Merged into {target.Number}", PlacementKeys.Stock(other.Id)));
        }

        await db.SaveChangesAsync(cancellationToken);
        LogMerged(target.Number, numbers, actor);
        return Unit.Value;
    }

    private static void EnsureMergeable(Order target, Order other)
    {
        if (!OrderTransitions.IsBeforePicking(target.Status) || !OrderTransitions.IsBeforePicking(other.Status))
        {
            throw new ConflictException($"Only orders not yet picked can be merged ({other.Number} is {other.Status}, {target.Number} is {target.Status}).");
        }

        if (target.IsBeingPlaced || other.IsBeingPlaced)
        {
            throw new ConflictException($"{(target.IsBeingPlaced ? target.Number : other.Number)} is still being placed; merge it in a few seconds.");
        }

        if (!string.Equals(target.Customer.Email, other.Customer.Email, StringComparison.OrdinalIgnoreCase) || Normalize(target.ShippingAddress) != Normalize(other.ShippingAddress))
        {
            throw new BusinessRuleViolationException("ConsolidationMismatch", $"{other.Number} is for another customer or address than {target.Number}.");
        }

        if (target.ShippingService != other.ShippingService || target.Currency != other.Currency)
        {
            throw new BusinessRuleViolationException("ConsolidationMismatch", $"{other.Number} ships by another service or in another currency than {target.Number}.");
        }

        if (target.IsReplacement || other.IsReplacement)
        {
            // A merge reprices every line at the target's terms: charged goods would go free, or a free replacement be charged.
            throw new BusinessRuleViolationException(
                "ConsolidationMismatch", $"{(target.IsReplacement ? target.Number : other.Number)} is a replacement sent at no charge; it ships on its own.");
        }
    }

    private static string Normalize(Address a) =>
        string.Join('|', new[] { a.Line1, a.Line2 ?? string.Empty, a.City, a.Region, a.PostalCode, a.Country }
            .Select(p => string.Join(' ', p.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} consolidated {MergedNumbers} ({Actor})")]
    private partial void LogMerged(string orderNumber, string mergedNumbers, string actor);
}
