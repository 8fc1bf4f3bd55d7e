using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Features.ChangeOrder;

/// <summary>
/// What a change did in other modules, to be taken back if a later step refuses (newest first), and what it does only
/// once the order is saved (a release cannot be taken back).
/// </summary>
internal sealed class ChangeSteps
{
    private readonly Stack<Func<Task>> _undo = new();
    private readonly List<Func<Task>> _afterCommit = [];

    public void OnUndo(Func<Task> undo) => _undo.Push(undo);

    public void AfterCommit(Func<Task> step) => _afterCommit.Add(step);

    public async Task UndoAsync()
    {
        while (_undo.TryPop(out var undo))
        {
            await undo();
        }
    }

    public async Task AfterCommitAsync()
    {
        foreach (var step in _afterCommit)
        {
            await step();
        }
    }
}

/// <summary>How a change moves the order's payment: more authorized, part released, and/or a new card.</summary>
internal sealed record PaymentChange(decimal Authorized, decimal Released, string? NewToken, bool ClearsPaymentHold = false)
{
    public static readonly PaymentChange None = new(0, 0, null);

    public void ApplyTo(Order order, string actor, DateTimeOffset now)
    {
        if (NewToken is not null)
        {
            order.ReplacePaymentToken(NewToken, actor, now);
        }

        if (Authorized > 0)
        {
            order.MarkPaymentAuthorized(Authorized, $"Authorized {Authorized:0.00} {order.Currency} for the change", now);
        }

        if (Released > 0)
        {
            order.MarkPaymentReleased(Released, $"Released {Released:0.00} of the authorization for the change", now);
        }

        if (ClearsPaymentHold)
        {
            order.ReleaseHold(HoldType.Payment, "A new card authorized the total", actor, now);
        }
    }
}
