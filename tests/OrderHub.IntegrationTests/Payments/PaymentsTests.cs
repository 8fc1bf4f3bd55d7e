using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Contracts.Queries;
using OrderHub.Modules.Payments.Features.RetryPendingPayments;
using OrderHub.Modules.Payments.Gateways;
using Shouldly;

namespace OrderHub.IntegrationTests.Payments;

/// <summary>Authorize, capture, void and refund through Mediator and HTTP on the built-in test gateway and a real database.</summary>
public abstract class PaymentsTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestPaymentGateway Gateway => fixture.App.Services.GetRequiredService<TestPaymentGateway>();

    [Theory]
    [InlineData("tok_visa", PaymentOutcome.Succeeded, null)]
    [InlineData("tok_mastercard", PaymentOutcome.Succeeded, null)]
    [InlineData("tok_chargeDeclined", PaymentOutcome.Declined, "card_declined")]
    [InlineData("tok_chargeDeclinedInsufficientFunds", PaymentOutcome.Declined, "insufficient_funds")]
    [InlineData("tok_made_up", PaymentOutcome.Declined, "invalid_token")]
    public async Task Each_test_token_has_its_outcome_and_a_decline_is_a_result_recorded_as_failed(string token, PaymentOutcome outcome, string? declineCode)
    {
        fixture.RequireProvider();
        var order = NewOrder();

        var result = await AuthorizeAsync(order, 129.99m, token);

        result.Outcome.ShouldBe(outcome);
        result.DeclineCode.ShouldBe(declineCode);
        result.Amount.ShouldBe(129.99m);
        result.Currency.ShouldBe("USD");
        var ledger = await GetLedgerAsync(order.Id);
        var authorization = ledger.Transactions.ShouldHaveSingleItem();
        authorization.Type.ShouldBe("Authorization");
        authorization.Status.ShouldBe(outcome == PaymentOutcome.Succeeded ? "Succeeded" : "Failed");
        ledger.Authorized.ShouldBe(outcome == PaymentOutcome.Succeeded ? 129.99m : 0m);
        if (outcome == PaymentOutcome.Succeeded)
        {
            result.Reference.ShouldNotBeNullOrEmpty();
            authorization.Reference.ShouldBe(result.Reference);
        }
        else
        {
            result.Message.ShouldNotBeNullOrEmpty();
        }
    }

    [Fact]
    public async Task The_same_key_twice_calls_the_gateway_once_and_returns_the_same_result()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        var callsBefore = Gateway.Calls;

        var first = await AuthorizeAsync(order, 50m, "tok_visa", key: $"{order.Number}:authorize");
        var second = await AuthorizeAsync(order, 50m, "tok_visa", key: $"{order.Number}:authorize");

        second.ShouldBe(first);
        (Gateway.Calls - callsBefore).ShouldBe(1);
        (await GetLedgerAsync(order.Id)).Authorized.ShouldBe(50m);
    }

    [Fact]
    public async Task Parallel_duplicates_with_one_key_charge_once()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        var key = $"{order.Number}:authorize";

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AuthorizeAsync(order, 75m, "tok_visa", key)));

        results.ShouldAllBe(r => r.Outcome == PaymentOutcome.Succeeded);
        results.Select(r => r.Reference).Distinct().ShouldHaveSingleItem();
        Gateway.Operations.Count(o => o.StartsWith($"authorize {order.Number} ", StringComparison.Ordinal)).ShouldBe(1);
        var ledger = await GetLedgerAsync(order.Id);
        ledger.Transactions.ShouldHaveSingleItem();
        ledger.Authorized.ShouldBe(75m);
    }

    [Fact]
    public async Task A_partial_capture_then_the_rest_captures_everything_and_no_more()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        await AuthorizeAsync(order, 100m, "tok_visa");

        var firstShipment = await SendAsync(new CapturePaymentCommand($"{order.Number}:capture:1", order.Id, 40m));
        var secondShipment = await SendAsync(new CapturePaymentCommand($"{order.Number}:capture:2", order.Id, 60m));

        firstShipment.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        secondShipment.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        var ledger = await GetLedgerAsync(order.Id);
        ledger.Captured.ShouldBe(100m);
        ledger.Transactions.Where(t => t.Type == "Capture").Select(t => t.Amount).ShouldBe([40m, 60m]);
        var tooMuch = await Should.ThrowAsync<BusinessRuleViolationException>(() => SendAsync(new CapturePaymentCommand($"{order.Number}:capture:3", order.Id, 0.01m)));
        tooMuch.Rule.ShouldBe("CaptureMustNotExceedAuthorizedRule");
    }

    [Fact]
    public async Task A_capture_spanning_two_authorizations_takes_the_oldest_first()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        await AuthorizeAsync(order, 60m, "tok_visa", key: $"{order.Number}:authorize:1");
        await AuthorizeAsync(order, 30m, "tok_mastercard", key: $"{order.Number}:authorize:2"); // an edit raised the total

        var capture = await SendAsync(new CapturePaymentCommand($"{order.Number}:capture", order.Id, 80m));

        capture.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        capture.Amount.ShouldBe(80m);
        var ledger = await GetLedgerAsync(order.Id);
        ledger.Transactions.Where(t => t.Type == "Capture").Select(t => t.Amount).ShouldBe([60m, 20m]);
        ledger.Captured.ShouldBe(80m);
    }

    [Fact]
    public async Task A_void_releases_what_was_not_captured_and_a_partial_void_lowers_what_can_be_captured()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        await AuthorizeAsync(order, 100m, "tok_visa");

        var partial = await SendAsync(new VoidPaymentCommand($"{order.Number}:void:edit", order.Id, 25m, "Order edited: one bottle removed"));
        partial.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        (await SendAsync(new CapturePaymentCommand($"{order.Number}:capture:1", order.Id, 30m))).Outcome.ShouldBe(PaymentOutcome.Succeeded);
        await Should.ThrowAsync<BusinessRuleViolationException>(() => SendAsync(new CapturePaymentCommand($"{order.Number}:capture:2", order.Id, 46m)));

        var rest = await SendAsync(new VoidPaymentCommand($"{order.Number}:void:cancel", order.Id, null, "Cancelled by customer"));

        rest.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        rest.Amount.ShouldBe(45m);
        var ledger = await GetLedgerAsync(order.Id);
        (ledger.Authorized, ledger.Voided, ledger.Captured).ShouldBe((100m, 70m, 30m));
        Gateway.Operations.ShouldContain(o => o.StartsWith("void ", StringComparison.Ordinal) && o.EndsWith(" 45.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partial_refund_is_allowed_and_refunding_more_than_captured_is_422()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        await AuthorizeAsync(order, 100m, "tok_visa");
        await SendAsync(new CapturePaymentCommand($"{order.Number}:capture", order.Id, 80m));
        var client = fixture.App.CreateApiClient();

        var partial = await RefundOverHttpAsync(client, order.Id, 30m, $"{order.Number}:refund:1");
        var tooMuch = await RefundOverHttpAsync(client, order.Id, 50.01m, $"{order.Number}:refund:2");
        var rest = await RefundOverHttpAsync(client, order.Id, 50m, $"{order.Number}:refund:3");

        partial.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await partial.Content.ReadFromJsonAsync<PaymentResultDto>(JsonOptions, Ct))!.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        tooMuch.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        tooMuch.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await tooMuch.Content.ReadAsStringAsync(Ct)).ShouldContain("RefundMustNotExceedCapturedRule");
        rest.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ledger = await GetLedgerAsync(order.Id);
        (ledger.Captured, ledger.Refunded).ShouldBe((80m, 80m));
    }

    [Fact]
    public async Task A_refund_without_an_idempotency_key_or_with_a_bad_amount_is_400()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var orderId = Guid.NewGuid();

        var noKey = await client.PostAsJsonAsync($"/api/v1/payments/orders/{orderId}/refunds", new { amount = 10m, reason = "x" }, Ct);
        var negative = await RefundOverHttpAsync(client, orderId, -5m, Guid.NewGuid().ToString());

        noKey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await negative.Content.ReadAsStringAsync(Ct)).ShouldContain("amount", Case.Insensitive);
    }

    [Fact]
    public async Task A_timeout_is_pending_and_the_retry_job_settles_it_without_charging_twice()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        var key = $"{order.Number}:authorize";

        var first = await AuthorizeAsync(order, 42m, "tok_timeout", key);

        first.Outcome.ShouldBe(PaymentOutcome.Pending);
        (await GetLedgerAsync(order.Id)).Transactions.ShouldHaveSingleItem().Status.ShouldBe("Pending");
        (await GetLedgerAsync(order.Id)).Authorized.ShouldBe(0m);

        var retried = await fixture.App.Services.GetRequiredService<RetryPendingPaymentsJob>().RunAsync(Ct);

        retried.ShouldBeGreaterThanOrEqualTo(1);
        var ledger = await GetLedgerAsync(order.Id);
        var authorization = ledger.Transactions.ShouldHaveSingleItem();
        authorization.Status.ShouldBe("Succeeded");
        ledger.Authorized.ShouldBe(42m);
        var replay = await AuthorizeAsync(order, 42m, "tok_timeout", key);
        replay.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        replay.Reference.ShouldBe(authorization.Reference);
        Gateway.Operations.Count(o => o.StartsWith($"authorize {order.Number} ", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task The_caller_retrying_a_pending_step_with_its_key_settles_it_too()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        var key = $"{order.Number}:authorize";
        (await AuthorizeAsync(order, 10m, "tok_timeout", key)).Outcome.ShouldBe(PaymentOutcome.Pending);

        var retry = await AuthorizeAsync(order, 10m, "tok_timeout", key);

        retry.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        Gateway.Operations.Count(o => o.StartsWith($"authorize {order.Number} ", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task A_card_whose_capture_fails_authorizes_then_fails_at_capture_and_nothing_is_captured()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        (await AuthorizeAsync(order, 60m, "tok_captureFails")).Outcome.ShouldBe(PaymentOutcome.Succeeded);

        var capture = await SendAsync(new CapturePaymentCommand($"{order.Number}:capture", order.Id, 60m));

        capture.Outcome.ShouldBe(PaymentOutcome.Failed);
        capture.DeclineCode.ShouldBe("processing_error");
        var ledger = await GetLedgerAsync(order.Id);
        ledger.Captured.ShouldBe(0m);
        ledger.Transactions.Single(t => t.Type == "Capture").Status.ShouldBe("Failed");
    }

    [Fact]
    public async Task Capturing_after_the_authorization_expired_fails_clearly()
    {
        fixture.RequireProvider();
        var clock = new ShiftingClock();
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var order = NewOrder();
        var sender = () => app.Services.CreateAsyncScope();
        await using (var scope = sender())
        {
            var auth = await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                new AuthorizePaymentCommand($"{order.Number}:authorize", order.Id, order.Number, 20m, "USD", "tok_visa"), Ct);
            auth.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        }

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await using (var scope = sender())
        {
            var capture = await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                new CapturePaymentCommand($"{order.Number}:capture", order.Id, 20m), Ct);
            capture.Outcome.ShouldBe(PaymentOutcome.Failed);
            capture.DeclineCode.ShouldBe("authorization_expired");
            capture.Message!.ShouldContain("expired");
        }

        (await GetLedgerAsync(order.Id)).Captured.ShouldBe(0m);
    }

    [Fact]
    public async Task The_ledger_reconciles_after_a_whole_life_and_is_served_over_http()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        await AuthorizeAsync(order, 150m, "tok_visa", $"{order.Number}:authorize:1");
        await SendAsync(new VoidPaymentCommand($"{order.Number}:void:1", order.Id, 20m, "edit"));
        await AuthorizeAsync(order, 35m, "tok_visa", $"{order.Number}:authorize:2");
        await SendAsync(new CapturePaymentCommand($"{order.Number}:capture:1", order.Id, 100m));
        await SendAsync(new CapturePaymentCommand($"{order.Number}:capture:2", order.Id, 40m));
        await SendAsync(new RefundPaymentCommand($"{order.Number}:refund:1", order.Id, 120m, "returned"));
        await SendAsync(new VoidPaymentCommand($"{order.Number}:void:2", order.Id, null, "completed"));

        var response = await fixture.App.CreateApiClient().GetAsync($"/api/v1/payments/orders/{order.Id}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("transactions")[0].GetProperty("type").GetString().ShouldBe("Authorization");
        json.RootElement.GetProperty("transactions")[0].GetProperty("status").GetString().ShouldBe("Succeeded");
        var ledger = json.RootElement.Deserialize<OrderPaymentsDto>(JsonOptions)!;
        (ledger.Authorized, ledger.Voided, ledger.Captured, ledger.Refunded).ShouldBe((185m, 45m, 140m, 120m));
        (ledger.Authorized - ledger.Voided).ShouldBeGreaterThanOrEqualTo(ledger.Captured);
        (ledger.Captured - ledger.Refunded).ShouldBeGreaterThanOrEqualTo(0m);
        foreach (var type in new[] { "Authorization", "Void", "Capture", "Refund" })
        {
            var sum = ledger.Transactions.Where(t => t.Type == type && t.Status == "Succeeded").Sum(t => t.Amount);
            sum.ShouldBe(type switch { "Authorization" => ledger.Authorized, "Void" => ledger.Voided, "Capture" => ledger.Captured, _ => ledger.Refunded });
        }

        ledger.Transactions.ShouldAllBe(t => t.Currency == "USD" && t.Reference != null);
    }

    [Fact]
    public async Task Reading_the_ledger_needs_the_payments_read_scope_and_reusing_a_key_for_another_step_is_409()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        await AuthorizeAsync(order, 10m, "tok_visa", "shared-key-" + order.Number);
        var key = await ApiClients.CreateAsync(fixture.App, "orders:read");

        var forbidden = await fixture.App.CreateApiClient(key).GetAsync($"/api/v1/payments/orders/{order.Id}", Ct);

        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Should.ThrowAsync<ConflictException>(() => SendAsync(new CapturePaymentCommand("shared-key-" + order.Number, order.Id, 10m)));
    }

    [Fact]
    public async Task A_second_authorization_in_another_currency_is_refused_but_a_declined_first_attempt_does_not_fix_it()
    {
        fixture.RequireProvider();
        var order = NewOrder();
        await SendAsync(new AuthorizePaymentCommand($"{order.Number}:authorize:1", order.Id, order.Number, 10m, "EUR", "tok_chargeDeclined"));
        (await AuthorizeAsync(order, 10m, "tok_visa")).Outcome.ShouldBe(PaymentOutcome.Succeeded);

        var euros = await Should.ThrowAsync<BusinessRuleViolationException>(() =>
            SendAsync(new AuthorizePaymentCommand($"{order.Number}:authorize:3", order.Id, order.Number, 5m, "EUR", "tok_visa")));

        euros.Rule.ShouldBe("PaymentCurrencyMustMatchOrderRule");
        (await GetLedgerAsync(order.Id)).Currency.ShouldBe("USD");
    }

    [Fact]
    public async Task Tax_is_answered_through_mediator_with_excise_shown_separately()
    {
        fixture.RequireProvider();
        var tax = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(
            new CalculateTaxQuery("US", "PA", 200m, 12m, [new TaxLine("CAB-2019-750", 4, 50m, IsAlcohol: true, VolumeMl: 750)]), Ct).AsTask());

        tax.SalesTax.ShouldBe(12.00m);  // 6 % of 200
        tax.ExciseTax.ShouldBe(1.98m);  // 3 L × $2.50/gal = 1.9813
        tax.Total.ShouldBe(13.98m);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static (Guid Id, string Number) NewOrder() => (Guid.NewGuid(), $"OH-{Random.Shared.Next(100_000, 999_999)}-{Guid.NewGuid():N}"[..20]);

    private Task<PaymentResultDto> AuthorizeAsync((Guid Id, string Number) order, decimal amount, string token, string? key = null) =>
        SendAsync(new AuthorizePaymentCommand(key ?? $"{order.Number}:authorize:{Guid.NewGuid():N}", order.Id, order.Number, amount, "USD", token));

    private Task<PaymentResultDto> SendAsync(ICommand<PaymentResultDto> command) =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(command, Ct).AsTask());

    private Task<OrderPaymentsDto> GetLedgerAsync(Guid orderId) =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new GetOrderPaymentsQuery(orderId), Ct).AsTask());

    private static async Task<HttpResponseMessage> RefundOverHttpAsync(HttpClient client, Guid orderId, decimal amount, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/orders/{orderId}/refunds")
        {
            Content = JsonContent.Create(new { amount, reason = "Customer returned a bottle" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }
}

public sealed class PaymentsTestsOnSqlite(SqliteHostFixture fixture) : PaymentsTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PaymentsTestsOnPostgres(PostgresHostFixture fixture) : PaymentsTests(fixture), IClassFixture<PostgresHostFixture>;
