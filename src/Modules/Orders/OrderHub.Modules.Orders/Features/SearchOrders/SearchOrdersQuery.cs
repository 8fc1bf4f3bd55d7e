using FluentValidation;
using Mediator;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Features.SearchOrders;

/// <summary>
/// Support look-up: any combination of filters, paged and sorted (newest first by default). <see cref="HoldType"/> keeps
/// the orders with an active hold of that type; <see cref="Channel"/> the orders taken through that channel.
/// </summary>
internal sealed record SearchOrdersQuery(
    string? Status,
    string? Email,
    string? Number,
    string? Name,
    string? ExternalReference,
    string? Sku,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Sort,
    int Page = 1,
    int PageSize = 25,
    string? Channel = null,
    string? HoldType = null) : IQuery<OrderPageDto>;

/// <summary>One page of a search, newest first unless sorted otherwise.</summary>
/// <param name="Items">The orders on this page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Orders per page.</param>
/// <param name="Total">Orders matching the filters, counted up to <see cref="SearchOrdersHandler.CountCap"/>.</param>
/// <param name="TotalIsExact">False when more orders match than were counted: show "10,000+" rather than a page count.</param>
internal sealed record OrderPageDto(IReadOnlyList<OrderSummaryDto> Items, int Page, int PageSize, int Total, bool TotalIsExact = true);

internal sealed record OrderSummaryDto(
    Guid Id, string Number, string Status, string Channel, string CustomerEmail, string CustomerName,
    decimal Total, string Currency, int LineCount, DateTimeOffset PlacedAt);

internal sealed class SearchOrdersValidator : AbstractValidator<SearchOrdersQuery>
{
    public static readonly string[] Sorts = ["placedAt", "-placedAt", "number", "-number", "status", "-status"];

    public SearchOrdersValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || Enum.TryParse<OrderStatus>(s, ignoreCase: false, out _))
            .WithMessage("Unknown status.");
        RuleFor(q => q.Channel).Must(c => c is null || Enum.TryParse<OrderChannel>(c, ignoreCase: false, out _))
            .WithMessage("Unknown channel.");
        RuleFor(q => q.HoldType).Must(t => t is null || Enum.TryParse<HoldType>(t, ignoreCase: false, out _))
            .WithMessage("Hold type must be one of: Compliance, Payment, Inventory, Fraud, Manual.");
        RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
            .WithMessage($"Sort must be one of: {string.Join(", ", Sorts)}.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}
