using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.SearchOrders;

internal sealed class SearchOrdersHandler(OrdersDbContext db) : IQueryHandler<SearchOrdersQuery, OrderPageDto>
{
    /// <summary>
    /// Counting stops here: an exact COUNT(*) over a million orders costs more than the page itself on every request
    /// (the inbox's unfiltered first page, a status with hundreds of thousands of orders). Below the cap the total is exact.
    /// </summary>
    public const int CountCap = 10_000;

    public async ValueTask<OrderPageDto> Handle(SearchOrdersQuery query, CancellationToken cancellationToken)
    {
        var orders = SearchOrdersFilter.Apply(db.Orders.AsNoTracking(), query);
        var counted = await orders.Take(CountCap + 1).CountAsync(cancellationToken);
        var page = await Summaries(Sorted(orders, query.Sort).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize), cancellationToken);
        return new OrderPageDto(
            page,
            query.Page,
            query.PageSize,
            Math.Min(counted, CountCap),
            counted <= CountCap);
    }

    /// <summary>The orders in the asked order (newest first by default).</summary>
    internal static IQueryable<Order> Sorted(IQueryable<Order> orders, string? sort) => sort switch
    {
        "placedAt" => orders.OrderBy(o => o.PlacedAt),
        "number" => orders.OrderBy(o => o.Number),
        "-number" => orders.OrderByDescending(o => o.Number),
        "status" => orders.OrderBy(o => o.Status).ThenByDescending(o => o.PlacedAt),
        "-status" => orders.OrderByDescending(o => o.Status).ThenByDescending(o => o.PlacedAt),
        _ => orders.OrderByDescending(o => o.PlacedAt),
    };

    /// <summary>The summaries of the orders, read in one query of just the columns shown.</summary>
    internal static async Task<IReadOnlyList<OrderSummaryDto>> Summaries(IQueryable<Order> orders, CancellationToken cancellationToken)
    {
        var rows = await orders
            .Select(o => new
            {
                o.Id,
                o.Number,
                o.Status,
                o.Channel,
                o.Customer.Email,
                o.Customer.FirstName,
                o.Customer.LastName,
                o.Total,
                o.Currency,
                LineCount = o.Lines.Count,
                o.PlacedAt,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(o => new OrderSummaryDto(o.Id, o.Number, o.Status.ToString(), o.Channel.ToString(), o.Email,
            $"{o.FirstName} {o.LastName}", o.Total, o.Currency, o.LineCount, o.PlacedAt))];
    }
}
