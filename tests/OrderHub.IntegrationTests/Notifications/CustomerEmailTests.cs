using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Shipping;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Features.SendQueuedEmails;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// The customer's emails along the journey, received by a real SMTP server: HTML and plain text in the winery's
/// look, the shipped email with the tracking link and estimated delivery, one email per (order, shipment, type) however
/// often the carrier or the outbox repeats itself, a missed delivery that says what happens next, a delay, and a staff
/// template that cannot smuggle script into a customer's inbox.
/// </summary>
public sealed class CustomerEmailTests(SmtpHostFixture fixture) : IClassFixture<SmtpHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shipped_order_emails_its_tracking_link_and_estimated_delivery_and_each_scan_once()
    {
        fixture.RequireProvider();
        var scenario = new ShippingScenario(fixture);
        var shipment = (await scenario.LabelledAsync("MAIL")).Single();
        var (number, tracking, estimate) = Describe(shipment);
        var at = DateTimeOffset.UtcNow;

        await ScanAsync(scenario, shipment, "InTransit", at);
        await ScanAsync(scenario, shipment, "InTransit", at); // the carrier repeats itself
        await ScanAsync(scenario, shipment, "OutForDelivery", at.AddHours(20));
        await ScanAsync(scenario, shipment, "Delivered", at.AddHours(26));
        await scenario.SettleAsync();
        await RepublishAsync(shipment, "Delivered"); // the same news again, as another event (a replay)
        await SendAsync();

        var mail = Received(number);
        mail.Select(m => m.Subject).Order(StringComparer.Ordinal).ShouldBe(
        [
            $"We received your order {number}", $"Your order {number} has shipped", $"Your order {number} is confirmed",
            $"Your order {number} is out for delivery", $"Your order {number} was delivered",
        ]);
        var shipped = mail.Single(m => m.Subject.EndsWith("has shipped", StringComparison.Ordinal));
        var trackingUrl = shipment.GetProperty("trackingUrl").GetString()!;
        var promised = DateOnly.Parse(estimate, CultureInfo.InvariantCulture).ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);
        shipped.TextBody.ShouldContain(trackingUrl);
        shipped.TextBody.ShouldContain($"Estimated delivery: {promised}");
        shipped.TextBody.ShouldContain(tracking);
        shipped.HtmlBody.ShouldContain($"href=\"{trackingUrl.Replace("&", "&amp;", StringComparison.Ordinal)}\"");
        shipped.HtmlBody.ShouldContain(promised);
        shipped.HtmlBody.ShouldContain("Oak Knoll Cellars"); // the winery's name in the header
        shipped.HtmlBody.ShouldContain("#5b1a2e"); // and its colour
        shipped.HtmlBody.ShouldContain("21 or older"); // wine: adult signature
        shipped.MimeType.ShouldBe("multipart/alternative");
    }

    [Fact]
    public async Task Each_refund_of_a_shipped_order_tells_the_customer_the_amount_once()
    {
        fixture.RequireProvider();
        var scenario = new ShippingScenario(fixture);
        var shipment = (await scenario.LabelledAsync("RFND")).Single();
        var (number, _, _) = Describe(shipment);
        await ScanAsync(scenario, shipment, "InTransit", DateTimeOffset.UtcNow); // the goods leave: the payment is captured
        await scenario.SettleAsync();
        var orderId = shipment.GetProperty("orderId").GetGuid();
        var client = fixture.App.CreateApiClient();
        var firstKey = Guid.NewGuid().ToString();

        (await RefundAsync(client, orderId, 5.00m, firstKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RefundAsync(client, orderId, 5.00m, firstKey)).StatusCode.ShouldBe(HttpStatusCode.OK); // a retried request: the same refund
        (await RefundAsync(client, orderId, 3.50m, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        await scenario.SettleAsync();
        await SendAsync();

        var refunds = Received(number).Where(m => m.Subject == $"Your refund for order {number}").Select(m => m.TextBody).ToList();
        refunds.Count.ShouldBe(2);
        refunds.ShouldContain(t => t.Contains("we refunded 5.00 USD", StringComparison.Ordinal));
        refunds.ShouldContain(t => t.Contains("we refunded 3.50 USD", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> RefundAsync(HttpClient client, Guid orderId, decimal amount, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/orders/{orderId}/refunds")
        {
            Content = JsonContent.Create(new { amount, reason = "A corked bottle" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_carrier_exception_tells_the_customer_what_happens_next_and_a_later_estimate_is_a_delay_once()
    {
        fixture.RequireProvider();
        var scenario = new ShippingScenario(fixture);
        var shipment = (await scenario.LabelledAsync("MISS")).Single();
        var (number, _, estimate) = Describe(shipment);
        await ScanAsync(scenario, shipment, "InTransit", DateTimeOffset.UtcNow);
        await ScanAsync(scenario, shipment, "Exception", DateTimeOffset.UtcNow.AddHours(30), "Recipient not available; adult signature required");
        await scenario.SettleAsync();

        var promised = DateOnly.Parse(estimate, CultureInfo.InvariantCulture);
        await RepublishAsync(shipment, "Exception", promised.AddDays(1)); // one business day or less: not late yet
        await RepublishAsync(shipment, "Exception", promised.AddDays(7)); // a week late
        await RepublishAsync(shipment, "Exception", promised.AddDays(8)); // later still: the customer knows already
        await SendAsync();

        var mail = Received(number);
        var missed = mail.Where(m => m.Subject == $"We could not deliver your order {number}").ShouldHaveSingleItem();
        missed.TextBody.ShouldContain("Recipient not available; adult signature required");
        missed.TextBody.ShouldContain("What happens next");
        var delayed = mail.Where(m => m.Subject == $"Your order {number} is running late").ShouldHaveSingleItem();
        delayed.TextBody.ShouldContain(promised.AddDays(7).ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture));
        delayed.TextBody.ShouldContain($"we promised {promised.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public async Task A_staff_template_cannot_put_script_in_an_email_and_values_are_encoded()
    {
        fixture.RequireProvider();
        await EditTemplateAsync(new EmailTemplateSource(
            "Thanks {{ customer.name }}",
            "<p onclick=\"steal()\">Hi {{ customer.name }}</p><script>steal()</script><a href=\"javascript:steal()\">x</a><a href=\"https://example.com/o/{{ order.number }}\">Your order</a>",
            "Hi {{ customer.name }}, order {{ order.number }}"));
        try
        {
            await PlaceWithScriptInNameAsync();
        }
        finally
        {
            await EditTemplateAsync(null); // the other tests read the built-in acknowledgement
        }
    }

    private async Task PlaceWithScriptInNameAsync()
    {
        var client = fixture.App.CreateApiClient();
        var body = JsonSerializer.Serialize(Infrastructure.Orders.ValidBody(email: $"script-{Guid.NewGuid():N}@example.com"));
        body = body.Replace("\"firstName\":\"Ada\"", "\"firstName\":\"<b>Ada</b>\"", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("number").GetString()!;
        await fixture.App.DispatchOutboxAsync();
        await SendAsync();

        var received = Received(number).Single(m => m.Subject.StartsWith("Thanks", StringComparison.Ordinal));
        received.HtmlBody.ShouldNotContain("<script", Case.Insensitive);
        received.HtmlBody.ShouldNotContain("onclick", Case.Insensitive);
        received.HtmlBody.ShouldNotContain("javascript:", Case.Insensitive);
        received.HtmlBody.ShouldNotContain("<b>Ada</b>");
        received.HtmlBody.ShouldContain("&lt;b&gt;Ada&lt;/b&gt;");
        received.HtmlBody.ShouldContain($"href=\"https://example.com/o/{number}\"");
        received.TextBody.ShouldContain($"Hi <b>Ada</b>"); // plain text is not HTML: the name as written
    }

    /// <summary>Through the API, as staff would (the host forgets its cached template at once).</summary>
    private async Task EditTemplateAsync(EmailTemplateSource? source)
    {
        var client = fixture.App.CreateApiClient();
        if (source is null)
        {
            (await client.DeleteAsync("/api/v1/notifications/email-templates/OrderReceived", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            return;
        }

        var current = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/email-templates/OrderReceived", Ct);
        var saved = await client.PutAsJsonAsync(
            "/api/v1/notifications/email-templates/OrderReceived",
            new { subject = source.Subject, html = source.Html, text = source.Text, version = current.GetProperty("version").GetInt32() },
            Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
    }

    private static (string Number, string Tracking, string Estimate) Describe(JsonElement shipment) =>
        (shipment.GetProperty("orderNumber").GetString()!, shipment.GetProperty("trackingNumber").GetString()!, shipment.GetProperty("estimatedDelivery").GetString()!);

    private static async Task ScanAsync(ShippingScenario scenario, JsonElement shipment, string status, DateTimeOffset at, string? description = null)
    {
        var response = await scenario.WebhookAsync("/api/v1/shipping/tracking-events", new
        {
            carrier = shipment.GetProperty("carrier").GetString(),
            trackingNumber = shipment.GetProperty("trackingNumber").GetString(),
            status,
            at,
            description,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Delivers a new status event for the shipment straight to the modules, as a replay or a second source would.</summary>
    private async Task RepublishAsync(JsonElement shipment, string status, DateOnly? estimate = null)
    {
        var e = new ShipmentStatusChangedIntegrationEvent(
            shipment.GetProperty("id").GetGuid(), shipment.GetProperty("orderId").GetGuid(), shipment.GetProperty("orderNumber").GetString()!,
            shipment.GetProperty("fulfillmentId").GetGuid(), "NAPA-WH", "replay", shipment.GetProperty("carrier").GetString()!,
            shipment.GetProperty("service").GetString()!, shipment.GetProperty("trackingNumber").GetString()!, status, status, DateTimeOffset.UtcNow,
            estimate ?? DateOnly.Parse(shipment.GetProperty("estimatedDelivery").GetString()!, CultureInfo.InvariantCulture), "Replayed", []);
        await fixture.App.InScopeAsync(async sp =>
        {
            var handlers = sp.GetServices<INotificationHandler<ShipmentStatusChangedIntegrationEvent>>()
                .Where(h => h.GetType().Namespace!.StartsWith("OrderHub.Modules.Notifications", StringComparison.Ordinal));
            foreach (var handler in handlers)
            {
                await handler.Handle(e, Ct);
            }

            return 0;
        });
    }

    private async Task SendAsync()
    {
        var job = fixture.App.Services.GetRequiredService<SendQueuedEmailsJob>();
        while (await job.RunAsync(Ct) > 0)
        {
        }
    }

    private List<Mail> Received(string orderNumber) =>
        [.. fixture.Sink!.Messages().Select(Mail.Parse)
            .Where(m => m.Subject.Contains(orderNumber, StringComparison.Ordinal) || m.TextBody.Contains(orderNumber, StringComparison.Ordinal))];

    /// <summary>A message as the sink received it: its subject, both bodies and its MIME type.</summary>
    private sealed record Mail(string Subject, string TextBody, string HtmlBody, string MimeType)
    {
        public static Mail Parse(string raw)
        {
            using var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
            return new Mail(message.Subject ?? string.Empty, message.TextBody ?? string.Empty, message.HtmlBody ?? string.Empty, message.Body?.ContentType.MimeType ?? string.Empty);
        }
    }
}

/// <summary>A SQLite host that sends mail to a real SMTP sink, branded as a winery.</summary>
public sealed class SmtpHostFixture : HostFixture
{
    public SmtpSink? Sink { get; private set; }

    protected override async Task<(TestDatabase?, string?)> CreateDatabaseAsync()
    {
        (Sink, var reason) = await SmtpSink.StartAsync();
        return Sink is null ? (null, reason) : (TestDatabase.CreateSqlite(), null);
    }

    protected override OrderHubApp CreateApp(TestDatabase database) => new(database, new Dictionary<string, string?>
    {
        ["OrderHub:Smtp:Enabled"] = "true",
        ["OrderHub:Smtp:Host"] = "127.0.0.1",
        ["OrderHub:Smtp:Port"] = Sink!.Port.ToString(CultureInfo.InvariantCulture),
        ["OrderHub:Notifications:Brand:Name"] = "Oak Knoll Cellars",
        ["OrderHub:Notifications:Brand:PrimaryColor"] = "#5b1a2e",
        ["OrderHub:Notifications:Brand:SupportEmail"] = "cellar@oakknoll.example",
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Sink is not null)
        {
            await Sink.DisposeAsync();
        }
    }
}
