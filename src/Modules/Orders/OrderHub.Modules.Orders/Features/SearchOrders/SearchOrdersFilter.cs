using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Features.SearchOrders;

/// <summary>The filters of a search, shared by the page (<see cref="SearchOrdersHandler"/>) and its export.</summary>
internal static class SearchOrdersFilter
{
    public static IQueryable<Order> Apply(IQueryable<Order> orders, SearchOrdersQuery query)
    {
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

        if (query.Channel is not null)
        {
            var channel = Enum.Parse<OrderChannel>(query.Channel);
            orders = orders.Where(o => o.Channel == channel);
        }

        if (query.HoldType is not null)
        {
            var type = Enum.Parse<HoldType>(query.HoldType);
            orders = orders.Where(o => o.Holds.Any(h => h.Type == type && h.ReleasedAt == null));
        }

        return orders;
    }
}
