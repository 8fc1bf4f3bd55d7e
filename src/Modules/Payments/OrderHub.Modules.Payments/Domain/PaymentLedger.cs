namespace OrderHub.Modules.Payments.Domain;

/// <summary>
/// An order's payment transactions and the sums derived from them (in memory: SQLite cannot SUM decimals).
/// Only succeeded transactions count toward totals; pending captures and refunds still reserve their amount so
/// a retry in flight can never be spent twice.
/// </summary>
internal sealed class PaymentLedger(IReadOnlyList<PaymentTransaction> transactions)
{
    public IReadOnlyList<PaymentTransaction> Transactions { get; } = transactions;

    /// <summary>The order's payment currency: that of its first live (succeeded or pending) authorization, else of any attempt.</summary>
    public string? Currency =>
        (Transactions.Where(t => t.Type == PaymentTransactionType.Authorization).OrderBy(t => t.CreatedAt).FirstOrDefault(t => t.Succeeded || t.IsPending)
            ?? Transactions.FirstOrDefault(t => t.Type == PaymentTransactionType.Authorization))?.Currency;

    public decimal Authorized => Sum(PaymentTransactionType.Authorization);

    public decimal Voided => Sum(PaymentTransactionType.Void);

    public decimal Captured => Sum(PaymentTransactionType.Capture);

    public decimal Refunded => Sum(PaymentTransactionType.Refund);

    public IEnumerable<PaymentTransaction> Authorizations =>
        Transactions.Where(t => t.Type == PaymentTransactionType.Authorization && t.Succeeded).OrderBy(t => t.CreatedAt);

    /// <summary>Still held on the authorization and not yet captured or released (pending steps reserve their amount).</summary>
    public decimal Uncaptured(PaymentTransaction authorization) =>
        authorization.Amount
        - Reserved(authorization, PaymentTransactionType.Void)
        - Reserved(authorization, PaymentTransactionType.Capture);

    /// <summary>Captured on the authorization and not yet refunded (pending refunds reserve their amount).</summary>
    public decimal Refundable(PaymentTransaction authorization) =>
        SumFor(authorization, PaymentTransactionType.Capture, pendingCounts: false)
        - Reserved(authorization, PaymentTransactionType.Refund);

    /// <summary>True when the sums obey the ledger's invariants.</summary>
    public bool Reconciles =>
        Authorized - Voided >= Captured && Captured - Refunded >= 0 && Captured >= 0 && Voided >= 0
        && Authorizations.All(a => Uncaptured(a) >= 0 && Refundable(a) >= 0);

    private decimal Sum(PaymentTransactionType type) =>
        Transactions.Where(t => t.Type == type && t.Succeeded).Sum(t => t.Amount);

    private decimal Reserved(PaymentTransaction authorization, PaymentTransactionType type) =>
        SumFor(authorization, type, pendingCounts: true);

    private decimal SumFor(PaymentTransaction authorization, PaymentTransactionType type, bool pendingCounts) =>
        Transactions
            .Where(t => t.Type == type && t.AuthorizationId == authorization.Id && (t.Succeeded || (pendingCounts && t.IsPending)))
            .Sum(t => t.Amount);
}
