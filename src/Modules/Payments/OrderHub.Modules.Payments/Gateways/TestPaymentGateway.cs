using System.Globalization;
using Microsoft.Extensions.Options;

namespace OrderHub.Modules.Payments.Gateways;

/// <summary>
/// The built-in test gateway (API.md, "Test payments"): deterministic by card token, and it behaves like a real
/// gateway: it remembers every idempotency key and replays the first outcome, holds authorizations for a limited
/// time, and refuses to capture or refund more than it holds. State lives in memory (one per host) and is bounded: like a
/// real gateway forgets idempotency keys after a day, it forgets the oldest keys and authorizations beyond
/// <see cref="Remembered"/> of each (a capture of a forgotten one fails <c>resource_missing</c>), so a host that
/// takes orders for weeks, or a load test, does not grow without limit.
/// <list type="bullet">
/// <item><c>tok_visa</c>, <c>tok_mastercard</c>: approve.</item>
/// <item><c>tok_chargeDeclined</c>: decline <c>card_declined</c>; <c>tok_chargeDeclinedInsufficientFunds</c>: <c>insufficient_funds</c>.</item>
/// <item><c>tok_timeout</c>: the authorization is made but the answer is lost (the call throws a timeout); a retry with the same key returns it.</item>
/// <item><c>tok_captureFails</c>: authorizes; every capture fails (<c>processing_error</c>).</item>
/// <item>any other token: decline <c>invalid_token</c>.</item>
/// </list>
/// </summary>
internal sealed class TestPaymentGateway(TimeProvider clock, IOptions<PaymentsOptions> options) : IPaymentGateway
{
    public const string GatewayName = "Test";

    /// <summary>Idempotency keys and authorizations remembered (each): an estimated 10–15 MB at most.</summary>
    public const int Remembered = 20_000;

    /// <summary>Operations kept for <see cref="Operations"/> (the latest).</summary>
    public const int OperationsKept = 10_000;

    private readonly Lock _lock = new();
    private readonly BoundedMemory<string, (string Fingerprint, GatewayResult Result)> _byKey = new(Remembered, StringComparer.Ordinal);
    private readonly BoundedMemory<string, Hold> _holds = new(Remembered, StringComparer.Ordinal);
    private readonly Queue<string> _operations = new();
    private int _calls;
    private int _sequence;

    public string Name => GatewayName;

    /// <summary>Every call received, replays included.</summary>
    public int Calls
    {
        get
        {
            lock (_lock)
            {
                return _calls;
            }
        }
    }

    /// <summary>The latest operations that took effect, e.g. "authorize OH-000001 25.00 USD" (replays are not operations).</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_lock)
            {
                return [.. _operations];
            }
        }
    }

    public Task<GatewayResult> AuthorizeAsync(GatewayAuthorization request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Run(request.IdempotencyKey, $"authorize|{Money(request.Amount)}|{request.Currency}|{request.Token}", () =>
        {
            var result = request.Token switch
            {
                "tok_visa" or "tok_mastercard" or "tok_timeout" or "tok_captureFails" => Authorize(request),
                "tok_chargeDeclined" => GatewayResult.Declined("card_declined", "Your card was declined."),
                "tok_chargeDeclinedInsufficientFunds" => GatewayResult.Declined("insufficient_funds", "Your card has insufficient funds."),
                _ => GatewayResult.Declined("invalid_token", $"No such card token: '{request.Token}'."),
            };
            return (result, request.Token == "tok_timeout");
        });
    }

    public Task<GatewayResult> CaptureAsync(GatewayCapture request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Run(request.IdempotencyKey, $"capture|{request.AuthorizationReference}|{Money(request.Amount)}|{request.IsFinal}", () =>
        {
            if (!_holds.TryGetValue(request.AuthorizationReference, out var hold))
            {
                return (GatewayResult.Failed("resource_missing", $"No such authorization: '{request.AuthorizationReference}'."), false);
            }

            if (clock.GetUtcNow() >= hold.ExpiresAt)
            {
                return (GatewayResult.Failed("authorization_expired", $"The authorization {hold.Reference} expired at {hold.ExpiresAt:O}; it can no longer be captured."), false);
            }

            if (hold.Token == "tok_captureFails")
            {
                return (GatewayResult.Failed("processing_error", "An error occurred while processing the capture."), false);
            }

            if (request.Amount > hold.Capturable)
            {
                return (GatewayResult.Failed("amount_too_large", $"Cannot capture {request.Amount}: {hold.Capturable} is capturable."), false);
            }

            hold.Captured += request.Amount;
            if (request.IsFinal)
            {
                hold.Released += hold.Capturable;
            }

            Record($"capture {hold.Reference} {request.Amount:0.00}");
            return (GatewayResult.Success(NextReference("ch_test")), false);
        });
    }

    public Task<GatewayResult> VoidAsync(GatewayVoid request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Run(request.IdempotencyKey, $"void|{request.AuthorizationReference}|{Money(request.Amount)}|{request.ReleasesAll}", () =>
        {
            if (!_holds.TryGetValue(request.AuthorizationReference, out var hold))
            {
                return (GatewayResult.Failed("resource_missing", $"No such authorization: '{request.AuthorizationReference}'."), false);
            }

            var amount = request.ReleasesAll ? hold.Capturable : Math.Min(request.Amount, hold.Capturable);
            hold.Released += amount;
            Record($"void {hold.Reference} {amount:0.00}");
            return (GatewayResult.Success(hold.Reference), false);
        });
    }

    public Task<GatewayResult> RefundAsync(GatewayRefund request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Run(request.IdempotencyKey, $"refund|{request.AuthorizationReference}|{Money(request.Amount)}", () =>
        {
            if (!_holds.TryGetValue(request.AuthorizationReference, out var hold))
            {
                return (GatewayResult.Failed("resource_missing", $"No such authorization: '{request.AuthorizationReference}'."), false);
            }

            if (request.Amount > hold.Captured - hold.Refunded)
            {
                return (GatewayResult.Failed("amount_too_large", $"Cannot refund {request.Amount}: {hold.Captured - hold.Refunded} is refundable."), false);
            }

            hold.Refunded += request.Amount;
            Record($"refund {hold.Reference} {request.Amount:0.00}");
            return (GatewayResult.Success(NextReference("re_test")), false);
        });
    }

    private GatewayResult Authorize(GatewayAuthorization request)
    {
        var reference = NextReference("pi_test");
        _holds.Set(reference, new Hold(reference, request.Token, request.Amount, clock.GetUtcNow() + options.Value.AuthorizationValidity));
        Record($"authorize {request.OrderNumber} {request.Amount:0.00} {request.Currency}");
        return GatewayResult.Success(reference);
    }

    private Task<GatewayResult> Run(string key, string fingerprint, Func<(GatewayResult Result, bool LoseAnswer)> operation)
    {
        GatewayResult result;
        bool loseAnswer;
        lock (_lock)
        {
            _calls++;
            if (_byKey.TryGetValue(key, out var seen))
            {
                // Like Stripe: the first answer is replayed; the same key with other parameters is an error.
                return Task.FromResult(seen.Fingerprint == fingerprint
                    ? seen.Result
                    : GatewayResult.Failed("idempotency_error", $"Keys for idempotent requests can only be used with the same parameters ('{key}')."));
            }

            (result, loseAnswer) = operation();
            _byKey.Set(key, (fingerprint, result));
        }

        return loseAnswer
            ? Task.FromException<GatewayResult>(new PaymentGatewayTimeoutException($"The test gateway did not answer (key '{key}')."))
            : Task.FromResult(result);
    }

    private void Record(string operation)
    {
        _operations.Enqueue(operation);
        if (_operations.Count > OperationsKept)
        {
            _operations.Dequeue();
        }
    }

    private static string Money(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture);

    private string NextReference(string prefix) => $"{prefix}_{++_sequence:D6}";

    private sealed class Hold(string reference, string token, decimal amount, DateTimeOffset expiresAt)
    {
        public string Reference { get; } = reference;

        public string Token { get; } = token;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public decimal Captured { get; set; }

        public decimal Released { get; set; }

        public decimal Refunded { get; set; }

        public decimal Capturable => amount - Captured - Released;
    }
}
