using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.ImportOrders;

/// <summary>What became of one order brought in from outside (a CSV row group or a marketplace order).</summary>
internal enum ImportedOrderResult
{
    /// <summary>Placed now; <see cref="ImportedOrderOutcome.Status"/> says how far placement got.</summary>
    Created,

    /// <summary>Placed by an earlier upload or pull with the same key: nothing new was created.</summary>
    AlreadyImported,

    /// <summary>Placed, then refused by a business rule (the 422 of the REST endpoint); the order exists, cancelled.</summary>
    Refused,

    /// <summary>Not placed: input errors or a rule refused it before it was stored.</summary>
    Rejected,
}

/// <summary>A field-level problem as the PlaceOrder pipeline reported it (<see cref="Field"/> is its property path).</summary>
internal sealed record PlacementFieldError(string Field, string Message);

internal sealed record ImportedOrderOutcome(
    ImportedOrderResult Result, Guid? OrderId, string? OrderNumber, string? Status, string? Rule, string? Reason, IReadOnlyList<PlacementFieldError> FieldErrors);

/// <summary>
/// Places one order exactly as <c>POST /api/v1/orders</c> does (<see cref="PlaceOrderCommand"/>: idempotent by key,
/// placement run when it was created). Each order runs in its own DI scope, so a long import neither accumulates
/// tracked entities nor lets one order's failure leak into the next. Input errors come back as
/// <see cref="PlacementFieldError"/>s, not exceptions.
/// </summary>
internal sealed class ImportedOrderPlacer(IServiceScopeFactory scopes, ILogger<ImportedOrderPlacer> logger)
{
    public async Task<ImportedOrderOutcome> PlaceAsync(ReceiveOrderCommand order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await using var scope = scopes.CreateAsyncScope();
        PlacedOrder placed;
        try
        {
            placed = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PlaceOrderCommand(order with { ExpectsReplays = true }), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return Rejected(null, [.. ex.Errors.Select(e => new PlacementFieldError(e.PropertyName, e.ErrorMessage))]);
        }
        catch (BusinessRuleViolationException ex)
        {
            return Rejected(ex.Rule, [], ex.Message);
        }
        catch (ConflictException ex)
        {
            return Rejected("ImportedWithOtherContent", [], ex.Message + " (the same order was imported before with other content)");
        }

        var placement = placed.Placement;
        using var orderScope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = placed.OrderNumber });
        // The status as placement left it; read back only for a replay or when placement had to reload the order.
        var status = placement?.CompleteOrder?.Status.ToString()
            ?? (await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Orders
                .Where(o => o.Id == placed.OrderId).Select(o => o.Status).SingleAsync(cancellationToken)).ToString();
        if (placement?.Outcome == PlacementOutcome.Refused)
        {
            logger.LogInformation("Imported order {OrderNumber} ({ExternalReference}) refused: {Rule}", placed.OrderNumber, order.ExternalReference, placement.Rule);
            return new ImportedOrderOutcome(ImportedOrderResult.Refused, placed.OrderId, placed.OrderNumber, status, placement.Rule, placement.Reason, []);
        }

        logger.LogInformation(
            "Imported order {OrderNumber} ({ExternalReference}): {Result}, {Status}",
            placed.OrderNumber, order.ExternalReference, placed.Created ? "created" : "already imported", status);
        return new ImportedOrderOutcome(
            placed.Created ? ImportedOrderResult.Created : ImportedOrderResult.AlreadyImported, placed.OrderId, placed.OrderNumber, status, null, null, []);

        static ImportedOrderOutcome Rejected(string? rule, IReadOnlyList<PlacementFieldError> errors, string? reason = null) =>
            new(ImportedOrderResult.Rejected, null, null, null, rule, reason, errors);
    }
}
