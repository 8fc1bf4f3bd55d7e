using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Gateways;
using OrderHub.Modules.Payments.Gateways.Stripe;
using Shouldly;

namespace OrderHub.IntegrationTests.Payments;

/// <summary>
/// The Stripe adapter against recorded Stripe responses (Recorded/*.json) served by a local HTTP server: what
/// Stripe.net sends (path, form fields, Idempotency-Key) and how each answer maps to our outcome.
/// </summary>
public sealed class StripeGatewayTests : IAsyncDisposable
{
    private readonly FakeStripeServer _server = new();
    private readonly StripePaymentGateway _gateway;

    public StripeGatewayTests()
    {
        _gateway = new StripePaymentGateway(Options.Create(new PaymentsOptions
        {
            Gateway = "Stripe",
            Stripe = new StripeOptions { ApiKey = "sk_test_orderhub", BaseUrl = _server.BaseUrl, Timeout = TimeSpan.FromSeconds(10) },
        }));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Authorize_creates_a_manual_capture_payment_intent_in_cents_with_our_idempotency_key()
    {
        _server.Respond("POST", "/v1/payment_intents", 200, "payment_intent_requires_capture.json");

        var result = await _gateway.AuthorizeAsync(new GatewayAuthorization("OH-000123:authorize", "OH-000123", 129.99m, "USD", "tok_visa"), Ct);

        result.ShouldBe(new GatewayResult(PaymentOutcome.Succeeded, "pi_3QxAbcLkdIwHu7ix0h1Q2w3e", null, null));
        var request = _server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/v1/payment_intents");
        request.Headers["Idempotency-Key"].ShouldBe("OH-000123:authorize");
        request.Headers["Authorization"].ShouldBe("Bearer sk_test_orderhub");
        request.Form["amount"].ShouldBe("12999");
        request.Form["currency"].ShouldBe("usd");
        request.Form["capture_method"].ShouldBe("manual");
        request.Form["confirm"].ShouldBe("true");
        request.Form["payment_method_data[type]"].ShouldBe("card");
        request.Form["payment_method_data[card][token]"].ShouldBe("tok_visa");
        request.Form["metadata[order_number]"].ShouldBe("OH-000123");
    }

    [Fact]
    public async Task A_payment_method_id_is_sent_as_payment_method()
    {
        _server.Respond("POST", "/v1/payment_intents", 200, "payment_intent_requires_capture.json");

        await _gateway.AuthorizeAsync(new GatewayAuthorization("k1", "OH-000123", 10m, "USD", "pm_card_visa"), Ct);

        var form = _server.Requests.ShouldHaveSingleItem().Form;
        form["payment_method"].ShouldBe("pm_card_visa");
        form.ContainsKey("payment_method_data[card][token]").ShouldBeFalse();
    }

    [Theory]
    [InlineData("error_card_declined.json", "card_declined", "Your card was declined.")]
    [InlineData("error_insufficient_funds.json", "insufficient_funds", "Your card has insufficient funds.")]
    public async Task A_402_card_error_is_a_decline_result_not_an_exception(string recorded, string code, string message)
    {
        _server.Respond("POST", "/v1/payment_intents", 402, recorded);

        var result = await _gateway.AuthorizeAsync(new GatewayAuthorization("k2", "OH-000124", 129.99m, "USD", "tok_chargeDeclined"), Ct);

        result.Outcome.ShouldBe(PaymentOutcome.Declined);
        result.DeclineCode.ShouldBe(code);
        result.Message.ShouldBe(message);
    }

    [Fact]
    public async Task A_partial_capture_sends_amount_to_capture_and_keeps_the_intent_open()
    {
        _server.Respond("POST", "/v1/payment_intents/pi_3QxAbcLkdIwHu7ix0h1Q2w3e/capture", 200, "payment_intent_succeeded.json");

        var result = await _gateway.CaptureAsync(new GatewayCapture("OH-000123:capture:1", "pi_3QxAbcLkdIwHu7ix0h1Q2w3e", 50m, "USD", IsFinal: false), Ct);

        result.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        result.Reference.ShouldBe("ch_3QxAbcLkdIwHu7ix0k9Y8t7r");
        var request = _server.Requests.ShouldHaveSingleItem();
        request.Form["amount_to_capture"].ShouldBe("5000");
        request.Form["final_capture"].ShouldBe("false");
        request.Headers["Idempotency-Key"].ShouldBe("OH-000123:capture:1");
    }

    [Fact]
    public async Task A_final_capture_does_not_send_final_capture_false()
    {
        _server.Respond("POST", "/v1/payment_intents/pi_1/capture", 200, "payment_intent_succeeded.json");

        await _gateway.CaptureAsync(new GatewayCapture("k3", "pi_1", 129.99m, "USD", IsFinal: true), Ct);

        var form = _server.Requests.ShouldHaveSingleItem().Form;
        form["amount_to_capture"].ShouldBe("12999");
        form.ContainsKey("final_capture").ShouldBeFalse();
    }

    [Fact]
    public async Task Voiding_everything_cancels_the_intent_and_a_partial_void_sends_nothing()
    {
        _server.Respond("POST", "/v1/payment_intents/pi_3QxAbcLkdIwHu7ix0h1Q2w3e/cancel", 200, "payment_intent_canceled.json");

        var partial = await _gateway.VoidAsync(new GatewayVoid("k4", "pi_3QxAbcLkdIwHu7ix0h1Q2w3e", 10m, "USD", ReleasesAll: false, "edit"), Ct);
        _server.Requests.ShouldBeEmpty();
        var all = await _gateway.VoidAsync(new GatewayVoid("k5", "pi_3QxAbcLkdIwHu7ix0h1Q2w3e", 119.99m, "USD", ReleasesAll: true, "abandoned"), Ct);

        partial.Outcome.ShouldBe(PaymentOutcome.Succeeded);
        all.ShouldBe(new GatewayResult(PaymentOutcome.Succeeded, "pi_3QxAbcLkdIwHu7ix0h1Q2w3e", null, null));
        var request = _server.Requests.ShouldHaveSingleItem();
        request.Form["cancellation_reason"].ShouldBe("abandoned");
        request.Headers["Idempotency-Key"].ShouldBe("k5");
    }

    [Fact]
    public async Task A_refund_is_created_against_the_payment_intent_in_cents()
    {
        _server.Respond("POST", "/v1/refunds", 200, "refund_succeeded.json");

        var result = await _gateway.RefundAsync(new GatewayRefund("OH-000123:refund:1", "pi_3QxAbcLkdIwHu7ix0h1Q2w3e", 25m, "USD", "returned"), Ct);

        result.ShouldBe(new GatewayResult(PaymentOutcome.Succeeded, "re_3QxAbcLkdIwHu7ix0mN6oP7q", null, null));
        var request = _server.Requests.ShouldHaveSingleItem();
        request.Form["payment_intent"].ShouldBe("pi_3QxAbcLkdIwHu7ix0h1Q2w3e");
        request.Form["amount"].ShouldBe("2500");
        request.Headers["Idempotency-Key"].ShouldBe("OH-000123:refund:1");
    }

    [Fact]
    public async Task A_server_error_is_an_unknown_outcome_to_retry_with_the_same_key()
    {
        _server.RespondRaw("POST", "/v1/payment_intents", 500, """{"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}""");

        await Should.ThrowAsync<PaymentGatewayTimeoutException>(() =>
            _gateway.AuthorizeAsync(new GatewayAuthorization("k6", "OH-000125", 5m, "USD", "tok_visa"), Ct));
        _server.Requests.Count.ShouldBe(1); // no hidden retries inside Stripe.net
    }

    public async ValueTask DisposeAsync()
    {
        _gateway.Dispose();
        await _server.DisposeAsync();
    }

    internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Form);

    /// <summary>A local stand-in for api.stripe.com: canned answers by method and path, every request recorded.</summary>
    private sealed class FakeStripeServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, (int Status, string Body)> _answers = new();
        private readonly ConcurrentQueue<RecordedRequest> _requests = new();
        private readonly Task _loop;

        public FakeStripeServer()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUrl = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(BaseUrl + "/");
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string BaseUrl { get; }

        public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

        public void Respond(string method, string path, int status, string recordedFile) =>
            RespondRaw(method, path, status, File.ReadAllText(Path.Combine(RecordedDirectory(), recordedFile)));

        public void RespondRaw(string method, string path, int status, string body) => _answers[$"{method} {path}"] = (status, body);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                await _loop;
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                // stopping the listener ends the loop
            }
        }

        private static string RecordedDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Recorded");

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var form = QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
                var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                    .ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
                var path = context.Request.Url!.AbsolutePath;
                _requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, path, headers, form));

                var (status, answer) = _answers.TryGetValue($"{context.Request.HttpMethod} {path}", out var found)
                    ? found
                    : (404, """{"error":{"type":"invalid_request_error","code":"resource_missing","message":"Unrecorded request."}}""");
                var bytes = Encoding.UTF8.GetBytes(answer);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                context.Response.Headers["Request-Id"] = "req_test";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
