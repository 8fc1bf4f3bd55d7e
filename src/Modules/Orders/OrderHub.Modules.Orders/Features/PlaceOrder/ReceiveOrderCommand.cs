using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Http;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>
/// Stores an order as sent (<see cref="PlaceOrderRequest"/>) with what the server knows of the request: its
/// Idempotency-Key and the body's fingerprint, who sent it, whether a marketplace already charged it, and how it is
/// priced. Idempotent by key through the pipeline; a web store's key is almost always new, so it is claimed with the
/// order in one save. Without a key (a use case that is itself idempotent and receives the order inside its own unit
/// of work, such as a reship) it is not idempotent on its own.
/// </summary>
internal sealed record ReceiveOrderCommand : PlaceOrderRequest, IIdempotentCommand<ReceivedOrder>
{
    public ReceiveOrderCommand(
        PlaceOrderRequest order, string? idempotencyKey, string actor, bool paidAtMarketplace = false, OrderPricingMode pricing = OrderPricingMode.Catalog)
        : base(order)
    {
        ArgumentNullException.ThrowIfNull(order);
        IdempotencyKey = idempotencyKey;
        RequestHash = IdempotencyKeys.Fingerprint(order);
        Actor = actor;
        PaidAtMarketplace = paidAtMarketplace;
        Pricing = pricing;
    }

    public string? IdempotencyKey { get; }

    /// <summary>The body's fingerprint: the same key with another body is a conflict.</summary>
    public string RequestHash { get; }

    public string Actor { get; }

    /// <summary>
    /// Set only by server-side marketplace imports for orders the marketplace already charged: their payment is
    /// <c>{ method: "Marketplace", token: "prepaid:…" }</c>. No web store or CSV can claim an order is paid.
    /// </summary>
    public bool PaidAtMarketplace { get; }

    /// <summary>
    /// Set only by server-side use cases: <see cref="OrderPricingMode.NoCharge"/> for a replacement staff send (reship).
    /// No request body carries it, so no client can price its own order.
    /// </summary>
    public OrderPricingMode Pricing { get; }

    /// <summary>Set by imports and marketplace pulls, which re-send whole files and pages: a known key is answered before any work.</summary>
    public bool ExpectsReplays { get; init; }

    string IIdempotentCommand<ReceivedOrder>.IdempotencyFingerprint => RequestHash;

    bool IIdempotentCommand<ReceivedOrder>.LooksUpKeyFirst => ExpectsReplays;
}

/// <summary>
/// The order received: on a replay only its id and number (the stored answer); when this request created it, also the
/// order itself, still tracked by the request's Orders context so its placement runs on it.
/// </summary>
internal sealed record ReceivedOrder(Guid OrderId, string OrderNumber)
{
    [JsonIgnore]
    public Order? Order { get; init; }
}
