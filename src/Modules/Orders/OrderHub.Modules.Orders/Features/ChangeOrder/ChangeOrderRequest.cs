using FluentValidation;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Orders.Features.ChangeOrder;

/// <summary>
/// Body of <c>POST /api/v1/orders/{id}/changes</c>: the complete new set of lines, a new address, the customer's date of
/// birth or phone (the way out of an age hold) and/or a new card (the way out of a declined payment).
/// </summary>
internal record ChangeOrderRequest(
    IReadOnlyList<LineInput>? Lines,
    AddressInput? ShippingAddress,
    string? Reason,
    CustomerChangeInput? Customer = null,
    PaymentInput? Payment = null)
{
    public bool ChangesLinesOrAddress => Lines is not null || ShippingAddress is not null;
}

internal sealed record CustomerChangeInput(DateOnly? DateOfBirth, string? Phone);

/// <summary>A change of one order (<see cref="ChangeOrderRequest"/>) with its Idempotency-Key and who asks; true when it cleared the order's last hold.</summary>
internal sealed record ChangeOrderCommand : ChangeOrderRequest, IProcessCommand<bool>
{
    /// <summary>
    /// The longest client key a change or consolidation accepts: it is stored as <c>[merge:]change:{order id}:{key}</c>
    /// (46 characters more) and sent on to the other modules with a suffix, and every one of those keys must fit its
    /// column (200) — a longer key would fail only at the final save, after stock, compliance and payment steps ran.
    /// </summary>
    public const int MaxClientKeyLength = 100;

    public ChangeOrderCommand(Guid orderId, ChangeOrderRequest change, string idempotencyKey, string actor)
        : base(change)
    {
        ArgumentNullException.ThrowIfNull(change);
        OrderId = orderId;
        IdempotencyKey = idempotencyKey;
        RequestHash = IdempotencyKeys.Fingerprint(change);
        Actor = actor;
    }

    public Guid OrderId { get; }

    public string IdempotencyKey { get; }

    /// <summary>The change's fingerprint: the same key with another change is a conflict.</summary>
    public string RequestHash { get; }

    public string Actor { get; }
}

internal sealed class ChangeOrderValidator : AbstractValidator<ChangeOrderCommand>
{
    public ChangeOrderValidator(TimeProvider clock)
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500).SingleLineText();
        RuleFor(r => r).Must(r => r.ChangesLinesOrAddress || r.Customer is not null || r.Payment is not null)
            .WithName("lines").WithMessage("A change needs new lines, a new shipping address, customer details or a new card.");
        RuleFor(r => r.Lines).Must(l => l is null || l.Count is > 0 and <= 200)
            .WithMessage("The new set of lines holds 1 to 200 lines (cancel the order to remove everything).");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64).SingleLineText();
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000);
        });
        RuleFor(r => r.ShippingAddress).SetValidator(new AddressValidator()!).When(r => r.ShippingAddress is not null);
        RuleFor(r => r.Customer).Must(c => c is null || c.DateOfBirth is not null || c.Phone is not null)
            .WithMessage("Give the customer's dateOfBirth or phone.");
        RuleFor(r => r.Customer).ChildRules(c =>
        {
            c.RuleFor(x => x!.DateOfBirth)
                .Must(d => d is null || d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage("Date of birth cannot be in the future.")
                .Must(d => d is null || d.Value.Year >= 1900)
                .WithMessage("Date of birth must be after 1900.");
            c.RuleFor(x => x!.Phone).MaximumLength(30).SingleLineText();
        }).When(r => r.Customer is not null);
        RuleFor(r => r.Payment).ChildRules(p =>
        {
            p.RuleFor(x => x!.Method).Equal("Card").WithMessage("Payment method must be Card.");
            p.RuleFor(x => x!.Token).NotEmpty().MaximumLength(200)
                .Must(t => !PrepaidTokens.IsPrepaid(t))
                .WithMessage("This token prefix is reserved for orders a marketplace has already charged.");
        }).When(r => r.Payment is not null);
    }
}
