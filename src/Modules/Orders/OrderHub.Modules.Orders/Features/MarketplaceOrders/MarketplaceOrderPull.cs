using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Orders.Features.ImportOrders;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.MarketplaceOrders;

/// <summary>What one pull did.</summary>
internal sealed record MarketplacePullReport(int Pages, int Created, int AlreadyImported, int Refused, int Rejected, string? Cursor);

/// <summary>
/// Pulls new orders from a marketplace from the remembered cursor, places each exactly as the REST endpoint does
/// (<see cref="ImportedOrderPlacer"/>, key <c>marketplace:{source}:{id}</c>, so an order pulled twice is placed once),
/// and saves the next cursor after each page. A rejected order is logged and skipped (the cursor moves on, or the pull
/// would be stuck on it); a marketplace error stops the run with the cursor where it was.
/// </summary>
internal sealed class MarketplaceOrderPull(OrdersDbContext db, ImportedOrderPlacer placer, TimeProvider clock, ILogger<MarketplaceOrderPull> logger)
{
    public async Task<MarketplacePullReport> RunAsync(IMarketplaceOrderSource source, int maxPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var state = await db.MarketplaceCursors.SingleOrDefaultAsync(c => c.Source == source.Name, cancellationToken);
        var cursor = state?.Cursor;
        int pages = 0, created = 0, already = 0, refused = 0, rejected = 0;
        while (pages < maxPages)
        {
            var page = await source.FetchAsync(cursor, cancellationToken);
            pages++;
            foreach (var order in page.Orders)
            {
                var outcome = await placer.PlaceAsync(
                    new ReceiveOrderCommand(order.Order, $"marketplace:{source.Name}:{order.Order.ExternalReference}", $"system:{source.Name}", order.Paid),
                    cancellationToken);
                switch (outcome.Result)
                {
                    case ImportedOrderResult.Created: created++; break;
                    case ImportedOrderResult.AlreadyImported: already++; break;
                    case ImportedOrderResult.Refused: refused++; break;
                    default:
                        rejected++;
                        logger.LogWarning(
                            "Marketplace {Source} order {ExternalReference} rejected: {Rule} {Reason} {Errors}",
                            source.Name, order.Order.ExternalReference, outcome.Rule, outcome.Reason,
                            string.Join("; ", outcome.FieldErrors.Select(e => $"{e.Field}: {e.Message}")));
                        break;
                }
            }

            if (page.NextCursor is null || page.NextCursor == cursor)
            {
                break;
            }

            cursor = page.NextCursor;
            if (state is null)
            {
                state = new MarketplaceCursor(source.Name, cursor, clock.GetUtcNow());
                db.MarketplaceCursors.Add(state);
            }
            else
            {
                state.MoveTo(cursor, clock.GetUtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
            if (page.Orders.Count == 0)
            {
                break;
            }
        }

        logger.LogInformation(
            "Marketplace {Source} pull: {Pages} page(s), {Created} created, {AlreadyImported} already imported, {Refused} refused, {Rejected} rejected",
            source.Name, pages, created, already, refused, rejected);
        return new MarketplacePullReport(pages, created, already, refused, rejected, cursor);
    }
}
