using OrderHub.Modules.Orders.Features.PlaceOrder;

namespace OrderHub.Modules.Orders.Features.MarketplaceOrders;

/// <summary>
/// Port: a marketplace or DTC platform that orders are pulled from, page by page. An adapter maps its orders into
/// <see cref="MarketplaceOrder"/>s (channel Marketplace, externalReference = the marketplace's order id).
/// </summary>
internal interface IMarketplaceOrderSource
{
    /// <summary>Short stable name ("commerce7"): the cursor row's key and part of each order's idempotency key.</summary>
    string Name { get; }

    /// <summary>The page of orders after <paramref name="cursor"/> (null: from the start). Throws <see cref="MarketplaceSourceException"/> when the marketplace fails.</summary>
    Task<MarketplaceOrderPage> FetchAsync(string? cursor, CancellationToken cancellationToken);
}

/// <summary>A page of orders and the cursor of the next page (null when the marketplace gave none).</summary>
internal sealed record MarketplaceOrderPage(IReadOnlyList<MarketplaceOrder> Orders, string? NextCursor);

/// <summary>The marketplace answered with an error or something unreadable; the pull stops and keeps its cursor.</summary>
internal sealed class MarketplaceSourceException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An order as the marketplace sent it; <paramref name="Paid"/> when the marketplace already charged it.</summary>
internal sealed record MarketplaceOrder(PlaceOrderRequest Order, bool Paid);
