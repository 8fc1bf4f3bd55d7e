using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Domain;
using Shouldly;

namespace OrderHub.Modules.Payments.Tests.Domain;

/// <summary>The money an order's ledger still holds: what can be captured, released and refunded, never twice.</summary>
public sealed class PaymentLedgerTests
{
    private static readonly Guid OrderId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static int _keys;

    [Fact]
    public void A_capture_in_flight_reserves_its_amount_but_only_a_succeeded_one_counts_as_captured()
    {
        var auth = Step(PaymentTransactionType.Authorization, 100m, PaymentOutcome.Succeeded);
        var ledger = new PaymentLedger([auth, Step(PaymentTransactionType.Capture, 60m, PaymentOutcome.Succeeded, auth), Step(PaymentTransactionType.Capture, 30m, PaymentOutcome.Pending, auth)]);

        ledger.Authorized.ShouldBe(100m);
        ledger.Captured.ShouldBe(60m);
        ledger.Uncaptured(auth).ShouldBe(10m);
        ledger.Refundable(auth).ShouldBe(60m);
        ledger.Reconciles.ShouldBeTrue();
    }

    [Fact]
    public void A_declined_or_failed_step_holds_back_nothing()
    {
        var auth = Step(PaymentTransactionType.Authorization, 100m, PaymentOutcome.Succeeded);
        var ledger = new PaymentLedger(
        [
            auth,
            Step(PaymentTransactionType.Capture, 100m, PaymentOutcome.Declined, auth),
            Step(PaymentTransactionType.Capture, 100m, PaymentOutcome.Failed, auth),
        ]);

        ledger.Captured.ShouldBe(0m);
        ledger.Uncaptured(auth).ShouldBe(100m);
    }

    [Fact]
    public void Refunds_and_releases_come_out_of_what_is_left()
    {
        var auth = Step(PaymentTransactionType.Authorization, 100m, PaymentOutcome.Succeeded);
        var ledger = new PaymentLedger(
        [
            auth,
            Step(PaymentTransactionType.Capture, 70m, PaymentOutcome.Succeeded, auth),
            Step(PaymentTransactionType.Void, 30m, PaymentOutcome.Succeeded, auth),
            Step(PaymentTransactionType.Refund, 50m, PaymentOutcome.Succeeded, auth),
            Step(PaymentTransactionType.Refund, 15m, PaymentOutcome.Pending, auth),
        ]);

        ledger.Uncaptured(auth).ShouldBe(0m);
        ledger.Refunded.ShouldBe(50m);
        ledger.Refundable(auth).ShouldBe(5m);
        ledger.Reconciles.ShouldBeTrue();
    }

    [Fact]
    public void Each_authorization_keeps_its_own_balance()
    {
        var first = Step(PaymentTransactionType.Authorization, 80m, PaymentOutcome.Succeeded);
        var second = Step(PaymentTransactionType.Authorization, 40m, PaymentOutcome.Succeeded);
        var ledger = new PaymentLedger([first, second, Step(PaymentTransactionType.Capture, 80m, PaymentOutcome.Succeeded, first)]);

        ledger.Uncaptured(first).ShouldBe(0m);
        ledger.Uncaptured(second).ShouldBe(40m);
        ledger.Refundable(second).ShouldBe(0m);
    }

    [Fact]
    public void A_ledger_that_captured_more_than_it_holds_does_not_reconcile()
    {
        var auth = Step(PaymentTransactionType.Authorization, 50m, PaymentOutcome.Succeeded);

        new PaymentLedger([auth, Step(PaymentTransactionType.Capture, 50.01m, PaymentOutcome.Succeeded, auth)]).Reconciles.ShouldBeFalse();
    }

    [Fact]
    public void The_order_is_paid_in_the_currency_of_its_first_live_authorization()
    {
        var declinedEuro = Step(PaymentTransactionType.Authorization, 100m, PaymentOutcome.Declined, currency: "EUR");
        var dollars = Step(PaymentTransactionType.Authorization, 100m, PaymentOutcome.Succeeded, currency: "USD");

        new PaymentLedger([declinedEuro, dollars]).Currency.ShouldBe("USD");
        new PaymentLedger([declinedEuro]).Currency.ShouldBe("EUR");
        new PaymentLedger([]).Currency.ShouldBeNull();
    }

    [Fact]
    public void Capturing_refunding_or_releasing_more_than_is_left_is_refused_to_the_cent()
    {
        Should.NotThrow(() => BusinessRules.Check(new CaptureMustNotExceedAuthorizedRule(10m, 10m)));
        Should.Throw<BusinessRuleViolationException>(() => BusinessRules.Check(new CaptureMustNotExceedAuthorizedRule(10.01m, 10m)))
            .Message.ShouldContain("only 10.00 is authorized");
        Should.NotThrow(() => BusinessRules.Check(new RefundMustNotExceedCapturedRule(60m, 60m)));
        Should.Throw<BusinessRuleViolationException>(() => BusinessRules.Check(new RefundMustNotExceedCapturedRule(60.01m, 60m)));
        Should.NotThrow(() => BusinessRules.Check(new VoidMustNotExceedUncapturedRule(5m, 5m)));
        Should.Throw<BusinessRuleViolationException>(() => BusinessRules.Check(new VoidMustNotExceedUncapturedRule(5.01m, 5m)));
    }

    [Fact]
    public void A_second_payment_must_be_in_the_orders_currency()
    {
        Should.NotThrow(() => BusinessRules.Check(new PaymentCurrencyMustMatchOrderRule("EUR", null)));
        Should.NotThrow(() => BusinessRules.Check(new PaymentCurrencyMustMatchOrderRule("USD", "USD")));
        Should.Throw<BusinessRuleViolationException>(() => BusinessRules.Check(new PaymentCurrencyMustMatchOrderRule("EUR", "USD")));
    }

    private static PaymentTransaction Step(
        PaymentTransactionType type, decimal amount, PaymentOutcome outcome, PaymentTransaction? against = null, string currency = "USD")
    {
        var key = $"key-{Interlocked.Increment(ref _keys)}";
        var step = PaymentTransaction.Start(type, OrderId, "OH-100001", amount, currency, key, key, "Test", Now.AddSeconds(_keys));
        if (against is not null)
        {
            step.Against(against);
        }

        if (outcome != PaymentOutcome.Pending)
        {
            step.Record(outcome, $"ref-{key}", outcome == PaymentOutcome.Declined ? "card_declined" : null, null, Now);
        }

        return step;
    }
}
