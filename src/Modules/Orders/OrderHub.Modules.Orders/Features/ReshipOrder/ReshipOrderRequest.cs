using FluentValidation;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Orders.Features.PlaceOrder;

namespace OrderHub.Modules.Orders.Features.ReshipOrder;

/// <summary>
/// Body of <c>POST /api/v1/orders/{id}/reship</c>: why, and which units to send again (every unit that shipped when
/// <paramref name="Lines"/> is left out).
/// </summary>
internal record ReshipOrderRequest(string? Reason, IReadOnlyList<LineInput>? Lines = null);

/// <summary>
/// Receives the replacement of one shipped order (<see cref="ReshipOrderRequest"/>) with its Idempotency-Key and who
/// asks: the new order at no charge and the original's timeline entry, in one transaction. The key is unique per
/// original order; the same key with another body is a 409.
/// </summary>
internal sealed record ReceiveReshipCommand : ReshipOrderRequest, IIdempotentCommand<ReceivedReship>
{
    public ReceiveReshipCommand(Guid orderId, ReshipOrderRequest request, string idempotencyKey, string actor)
        : base(request)
    {
        ArgumentNullException.ThrowIfNull(request);
        OrderId = orderId;
        IdempotencyKey = idempotencyKey;
        RequestHash = IdempotencyKeys.Fingerprint(new ReshipOrderRequest(request.Reason, request.Lines));
        Actor = actor;
    }

    /// <summary>The order replaced.</summary>
    public Guid OrderId { get; }

    public string IdempotencyKey { get; }

    /// <summary>The body's fingerprint (reason and lines as sent): the same key with another body is a conflict.</summary>
    public string RequestHash { get; }

    public string Actor { get; }

    string IIdempotentCommand<ReceivedReship>.IdempotencyScope => $"{nameof(ReceiveReshipCommand)}:{OrderId:N}";

    string IIdempotentCommand<ReceivedReship>.IdempotencyFingerprint => RequestHash;
}

/// <summary>The replacement received (its placement follows); <see cref="Replayed"/> when a key used before answered it.</summary>
internal sealed record ReceivedReship(Guid OrderId, string OrderNumber, string OriginalNumber, bool Replayed = false) : IReplayableResponse<ReceivedReship>
{
    public ReceivedReship AsReplay() => this with { Replayed = true };
}

internal sealed class ReceiveReshipValidator : AbstractValidator<ReceiveReshipCommand>
{
    public ReceiveReshipValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the order is reshipped (e.g. broken in transit).").MaximumLength(500).SingleLineText();
        RuleFor(c => c.Lines).Must(l => l is null || l.Count is > 0 and <= 200)
            .WithMessage("Choose at least one unit to reship (leave lines out to reship everything that shipped).")
            .Must(l => l is null || l.Select(x => x.Sku?.Trim()).Distinct(StringComparer.Ordinal).Count() == l.Count)
            .WithMessage("Name each SKU once.");
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64).SingleLineText();
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000);
        });
    }
}
