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
        var orders = db.Orders.AsNoTracking();
        if (query.Status is not null)
        {
            var status = Enum.Parse<OrderStatus>(query.Status);
            orders = orders.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var email = query.Email.Trim().ToLowerInvariant(); // stored lower-case at placement
            orders = orders.Where(o => o.Customer.Email == email);
        }

        if (!string.IsNullOrWhiteSpace(query.Number))
        {
            var number = query.Number.Trim().ToUpperInvariant();
            orders = orders.Where(o => o.Number == number);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = $"%{query.Name.Trim()}%";
            orders = orders.Where(o => EF.Functions.Like(o.Customer.FirstName + " " + o.Customer.LastName, pattern));
        }

        if (!string.IsNullOrWhiteSpace(query.ExternalReference))
        {
            orders = orders.Where(o => o.ExternalReference == query.ExternalReference);
        }

        if (!string.IsNullOrWhiteSpace(query.Sku))
        {
            orders = orders.Where(o => o.Lines.Any(l => l.Sku == query.Sku));
        }

        if (query.From is { } from)
        {
            orders = orders.Where(o => o.PlacedAt >= from);
        }

        if (query.To is { } to)
        {
            orders = orders.Where(o => o.PlacedAt <= to);
        }

        var counted = await orders.Take(CountCap + 1).CountAsync(cancellationToken);
        orders = query.Sort switch
        {
            "placedAt" => orders.OrderBy(o => o.PlacedAt),
            "number" => orders.OrderBy(o => o.Number),
            "-number" => orders.OrderByDescending(o => o.Number),
            "status" => orders.OrderBy(o => o.Status).ThenByDescending(o => o.PlacedAt),
            "-status" => orders.OrderByDescending(o => o.Status).ThenByDescending(o => o.PlacedAt),
            _ => orders.OrderByDescending(o => o.PlacedAt),
        };
        var page = await orders
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
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
        return new OrderPageDto(
            [.. page.Select(o => new OrderSummaryDto(o.Id, o.Number, o.Status.ToString(), o.Channel.ToString(), o.Email,
                $"{o.FirstName} {o.LastName}", o.Total, o.Currency, o.LineCount, o.PlacedAt))],
            query.Page,
            query.PageSize,
            Math.Min(counted, CountCap),
            counted <= CountCap);
    }
}
