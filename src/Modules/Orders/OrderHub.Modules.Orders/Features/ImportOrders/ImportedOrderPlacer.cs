using System.Data.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Http;
using OrderHub.Modules.Orders.Features.AdvancePlacement;
using OrderHub.Modules.Orders.Features.GetOrderDetails;
using OrderHub.Modules.Orders.Features.PlaceOrder;

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
/// Places one order exactly as <c>POST /api/v1/orders</c> does (PlaceOrderEndpoint): <see cref="PlaceOrderCommand"/>
/// through Mediator with an idempotency key (a repeat returns the first order), then <see cref="OrderPlacement.AdvanceReceivedAsync"/>
/// when it was created. Each order runs in its own DI scope, so a long import neither accumulates tracked entities nor
/// lets one order's failure leak into the next. Input errors come back as <see cref="PlacementFieldError"/>s, not exceptions.
/// </summary>
internal sealed class ImportedOrderPlacer(IServiceScopeFactory scopes, ILogger<ImportedOrderPlacer> logger)
{
    public async Task<ImportedOrderOutcome> PlaceAsync(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var request = command with { RequestHash = IdempotencyKeys.Fingerprint(command) };
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        PlaceOrderResult result;
        try
        {
            try
            {
                result = await sender.Send(request, cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException)
            {
                // A parallel upload with the same key committed first: answer as its replay (or a conflict if the body differs).
                result = await sender.Send(request, cancellationToken);
            }
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

        using var orderScope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = result.OrderNumber });
        if (result.Created)
        {
            var placements = scope.ServiceProvider.GetRequiredService<OrderPlacement>();
            var placement = result.Received is { } received
                ? await placements.AdvanceReceivedAsync(received, cancellationToken)
                : await placements.AdvanceAsync(result.OrderId, cancellationToken);
            if (placement.Outcome == PlacementOutcome.Refused)
            {
                var refused = await sender.Send(new GetOrderDetailsQuery(result.OrderId), cancellationToken);
                logger.LogInformation("Imported order {OrderNumber} ({ExternalReference}) refused: {Rule}", result.OrderNumber, command.ExternalReference, placement.Rule);
                return new ImportedOrderOutcome(ImportedOrderResult.Refused, result.OrderId, result.OrderNumber, refused.Status, placement.Rule, placement.Reason, []);
            }
        }

        var order = await sender.Send(new GetOrderDetailsQuery(result.OrderId), cancellationToken);
        logger.LogInformation(
            "Imported order {OrderNumber} ({ExternalReference}): {Result}, {Status}",
            result.OrderNumber, command.ExternalReference, result.Created ? "created" : "already imported", order.Status);
        return new ImportedOrderOutcome(
            result.Created ? ImportedOrderResult.Created : ImportedOrderResult.AlreadyImported, result.OrderId, result.OrderNumber, order.Status, null, null, []);

        static ImportedOrderOutcome Rejected(string? rule, IReadOnlyList<PlacementFieldError> errors, string? reason = null) =>
            new(ImportedOrderResult.Rejected, null, null, null, rule, reason, errors);
    }
}
