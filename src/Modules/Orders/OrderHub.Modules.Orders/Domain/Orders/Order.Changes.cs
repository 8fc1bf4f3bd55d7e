using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Changes after placement: one change at a time (its claim), the customer, the card, new lines and address.</summary>
internal sealed partial class Order
{
    /// <summary>How long a change may hold the order before another may take over (a gateway call can take 30 s).</summary>
    public static readonly TimeSpan ChangeLease = TimeSpan.FromMinutes(2);

    public bool IsBeingChanged(DateTimeOffset now) => ChangeLeaseUntil > now;

    /// <summary>
    /// Claims the order for one change. Saved at once: the version check makes exactly one of several concurrent
    /// claims win, before any stock, compliance or payment step runs; the losers are 409 with nothing done.
    /// </summary>
    public void StartChange(DateTimeOffset now)
    {
        EnsureNotBeingChanged(now);
        ChangeLeaseUntil = now + ChangeLease;
        Version++;
    }

    /// <summary>Ends the change (applied or abandoned); saved with its outcome.</summary>
    public void EndChange()
    {
        ChangeLeaseUntil = null;
        Version++;
    }

    private void EnsureNotBeingChanged(DateTimeOffset now)
    {
        if (IsBeingChanged(now))
        {
            throw new ConflictException($"Order {Number} is being changed by another request; nothing was done, retry in a few seconds.");
        }
    }

    /// <summary>A date of birth or phone given after the order was placed (the way out of an age hold).</summary>
    public void UpdateCustomer(DateOnly? dateOfBirth, string? phone, string actor, DateTimeOffset now)
    {
        var details = new List<string>();
        if (dateOfBirth is { } dob && dob != Customer.DateOfBirth)
        {
            details.Add("date of birth given");
        }

        if (phone is not null && phone != Customer.Phone)
        {
            details.Add("phone changed");
        }

        if (details.Count == 0)
        {
            return;
        }

        Customer = Customer with { DateOfBirth = dateOfBirth ?? Customer.DateOfBirth, Phone = phone ?? Customer.Phone };
        Record(now, "CustomerUpdated", string.Join("; ", details), actor);
    }

    /// <summary>A new card for the order (the way out of a declined payment); the next authorization uses it.</summary>
    public void ReplacePaymentToken(string token, string actor, DateTimeOffset now)
    {
        PaymentToken = token;
        Record(now, "PaymentMethodChanged", "A new card was given for the order", actor);
    }

    /// <summary>Applies an accepted change (stock, compliance and payment already agreed): new lines, address and charges.</summary>
    public void ApplyChange(IReadOnlyList<PricedLine> lines, Address shippingAddress, decimal shipping, decimal tax, string reason, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (!OrderTransitions.IsBeforePicking(Status))
        {
            throw new ConflictException($"Order {Number} is {Status}; lines and address can change only before picking.");
        }

        var before = $"{string.Join(", ", _lines.Select(l => $"{l.Quantity} x {l.Sku}"))}, total {Total:0.00}";
        var nextNumber = _lines.Count == 0 ? 1 : _lines.Max(l => l.LineNumber) + 1;
        _lines.Clear();
        foreach (var line in lines)
        {
            _lines.Add(new OrderLine(Id, nextNumber++, line));
        }

        ShippingAddress = shippingAddress;
        SetCharges(shipping, tax);
        var after = $"{string.Join(", ", _lines.Select(l => $"{l.Quantity} x {l.Sku}"))}, total {Total:0.00}";
        Record(now, "Changed", $"{reason}: {before} → {after}", actor);
    }
}
