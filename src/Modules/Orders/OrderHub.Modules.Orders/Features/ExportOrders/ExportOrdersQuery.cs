using FluentValidation;
using Mediator;
using OrderHub.Modules.Orders.Features.SearchOrders;

namespace OrderHub.Modules.Orders.Features.ExportOrders;

/// <summary>
/// Every order a search finds (its filters and sort, not its page), up to <see cref="MaxRows"/>: the back-office exports
/// them as CSV or XLSX. <see cref="ExportedOrdersDto.Truncated"/> says when more matched than were exported.
/// </summary>
internal sealed record ExportOrdersQuery(SearchOrdersQuery Filter) : IQuery<ExportedOrdersDto>
{
    public const int MaxRows = 10_000;
}

internal sealed record ExportedOrdersDto(IReadOnlyList<OrderSummaryDto> Orders, bool Truncated);

internal sealed class ExportOrdersValidator : AbstractValidator<ExportOrdersQuery>
{
    public ExportOrdersValidator() => RuleFor(q => q.Filter).NotNull().SetValidator(new SearchOrdersValidator());
}
