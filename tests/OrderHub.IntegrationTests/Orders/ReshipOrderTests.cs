using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Shipping;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>
/// A reship (<c>POST /api/v1/orders/{id}/reship</c>) is a replacement order at no charge for units of a shipped order:
/// placed as any order (stock reserved, compliance decided and counted, no payment for its zero total, sourced), the two
/// orders naming each other; an order not shipped, or more units than shipped, is refused as a problem and nothing is
/// created; one Idempotency-Key is one reship. Orders reach Shipped through the API and a signed carrier scan.
/// </summary>
public abstract class ReshipOrderTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reship_of_a_shipped_order_is_a_zero_priced_order_ready_without_payment_with_stock_and_volume_counted_and_both_timelines_naming_each_other()
    {
        fixture.RequireProvider();
        var scenario = new ShippingScenario(fixture);
        var client = scenario.Client;
        var originalId = (await scenario.ShippedAsync("RESHIP"))[0];
        var original = await scenario.OrderAsync(originalId);
        var number = original.GetProperty("number").GetString()!;
        var sku = original.GetProperty("lines")[0].GetProperty("sku").GetString()!;
        var reservedBefore = await Stock.ReservedAsync(client, sku);
        var lawBefore = await ComplianceReportAsync(client);

        var response = await ReshipAsync(client, originalId, new { reason = "Broken in transit" });

        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        var reship = JsonDocument.Parse(text).RootElement;
        var reshipId = reship.GetProperty("id").GetGuid();
        var reshipNumber = reship.GetProperty("number").GetString()!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/orders/{reshipId}");
        reshipNumber.ShouldNotBe(number);
        reship.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        reship.GetProperty("externalReference").GetString().ShouldBe($"reship:{number}");
        foreach (var same in new[] { "channel", "customer", "shippingAddress", "shippingService" })
        {
            reship.GetProperty(same).GetRawText().ShouldBe(original.GetProperty(same).GetRawText(), same);
        }

        var line = reship.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32(), line.GetProperty("unitPrice").GetDecimal()).ShouldBe((sku, 1, 0m));
        var totals = reship.GetProperty("totals");
        totals.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.Number).ShouldAllBe(t => t.Value.GetDecimal() == 0m); // subtotal, shipping, tax, total
        reship.GetProperty("payments").GetArrayLength().ShouldBe(0, "nothing is authorized for a zero total, and no card is needed");
        reship.GetProperty("holds").GetArrayLength().ShouldBe(0);
        var events = reship.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()).ToList();
        events.ShouldContain("StockReserved");
        events.ShouldContain("ComplianceApproved");
        events.ShouldNotContain("PaymentAuthorized");
        var replacementFor = reship.GetProperty("timeline").EnumerateArray().Single(t => t.GetProperty("event").GetString() == "ReplacementFor");
        replacementFor.GetProperty("detail").GetString().ShouldBe($"Replacement for {number} at no charge: Broken in transit");
        replacementFor.GetProperty("actor").GetString()!.ShouldStartWith("api:");
        reship.GetProperty("replacementFor").GetProperty("number").GetString().ShouldBe(number);
        reship.GetProperty("replacementFor").GetProperty("id").GetGuid().ShouldBe(originalId);

        // Placed as any order: its stock reserved, then sourced; the law counts its bottles (their value is nil).
        (await Stock.ReservedAsync(client, sku)).ShouldBe(reservedBefore + 1);
        await scenario.SettleAsync();
        var fulfillments = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{reshipId}/fulfillments", Ct);
        fulfillments.EnumerateArray().ShouldHaveSingleItem().GetProperty("locationCode").GetString().ShouldBe(ShippingScenario.Napa);
        var lawAfter = await ComplianceReportAsync(client);
        lawAfter.GetProperty("totalShipments").GetInt32().ShouldBe(lawBefore.GetProperty("totalShipments").GetInt32() + 1);
        lawAfter.GetProperty("totalVolumeLitres").GetDecimal().ShouldBe(lawBefore.GetProperty("totalVolumeLitres").GetDecimal() + 0.75m);
        lawAfter.GetProperty("totalValue").GetDecimal().ShouldBe(lawBefore.GetProperty("totalValue").GetDecimal());

        // The original is not changed, only told: its timeline and its reships name the replacement.
        var after = await scenario.OrderAsync(originalId);
        after.GetProperty("status").GetString().ShouldBe("Shipped");
        after.GetProperty("totals").GetRawText().ShouldBe(original.GetProperty("totals").GetRawText());
        var reshipped = after.GetProperty("timeline").EnumerateArray().Single(t => t.GetProperty("event").GetString() == "Reshipped");
        reshipped.GetProperty("detail").GetString().ShouldBe($"Reshipped as {reshipNumber} (1 × {sku}) at no charge: Broken in transit");
        var link = after.GetProperty("reships").EnumerateArray().ShouldHaveSingleItem();
        (link.GetProperty("id").GetGuid(), link.GetProperty("number").GetString()).ShouldBe((reshipId, reshipNumber));
        after.GetProperty("replacementFor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Only_a_shipped_order_is_reshipped_and_every_refusal_is_a_problem_that_changes_nothing()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var placed = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "reship-unshipped@example.com"));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync(Ct));
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var (id, number) = (order.GetProperty("id").GetGuid(), order.GetProperty("number").GetString()!);
        order.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");

        var unshipped = await ReshipAsync(client, id, new { reason = "Customer says it never came" });
        unshipped.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        unshipped.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await unshipped.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()
            .ShouldBe($"Order {number} is ReadyToFulfill; only an order that has shipped (Shipped, PartiallyShipped or Delivered) can be reshipped.");

        var noReason = await ReshipAsync(client, id, new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await ReshipAsync(client, id, new { reason = "x" }, key: "")).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no Idempotency-Key
        var unknown = await ReshipAsync(client, Guid.NewGuid(), new { reason = "Lost" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.PostAsync($"/api/v1/orders/{id}/reship", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // No client may pass an order off as a replacement: the reference prefix is the server's.
        var forged = await OrderHubApp.PlaceOrderAsync(client, new
        {
            channel = "Web",
            externalReference = $"reship:{number}",
            customer = new { email = "reship-forged@example.com", firstName = "Ada", lastName = "Forger", dateOfBirth = "1985-12-10" },
            shippingAddress = new { line1 = "1 Main St", city = "Portland", region = "OR", postalCode = "97201", country = "US" },
            lines = new[] { new { sku = "CAB-2019-750", quantity = 1 } },
            payment = new { method = "Card", token = "tok_visa" },
        });
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("externalReference", out _).ShouldBeTrue();

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        after.GetProperty("timeline").GetArrayLength().ShouldBe(order.GetProperty("timeline").GetArrayLength());
        after.GetProperty("reships").GetArrayLength().ShouldBe(0);
        (await ReplacementsAsync(client, number)).ShouldBe(0);
    }

    [Fact]
    public async Task More_units_than_shipped_or_a_sku_not_shipped_is_422_and_nothing_is_created()
    {
        fixture.RequireProvider();
        var scenario = new ShippingScenario(fixture);
        var client = scenario.Client;
        var id = (await scenario.ShippedAsync("RESHIP-QTY"))[0];
        var original = await scenario.OrderAsync(id);
        var number = original.GetProperty("number").GetString()!;
        var sku = original.GetProperty("lines")[0].GetProperty("sku").GetString()!;

        var tooMany = await ReshipAsync(client, id, new { reason = "Broken", lines = new[] { new { sku, quantity = 2 } } });
        tooMany.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await tooMany.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("rule").GetString().ShouldBe("ReshipMustNotExceedShippedRule");
        problem.GetProperty("detail").GetString().ShouldBe($"Cannot reship 2 × {sku}: order {number} shipped 1.");
        var other = await ReshipAsync(client, id, new { reason = "Broken", lines = new[] { new { sku = "CAB-2019-750", quantity = 1 } } });
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("ReshipMustNotExceedShippedRule");
        var twice = await ReshipAsync(client, id, new { reason = "Broken", lines = new[] { new { sku, quantity = 1 }, new { sku, quantity = 1 } } });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReshipAsync(client, id, new { reason = "Broken", lines = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await ReplacementsAsync(client, number)).ShouldBe(0);
        var after = await scenario.OrderAsync(id);
        after.GetProperty("timeline").GetArrayLength().ShouldBe(original.GetProperty("timeline").GetArrayLength());

        // Exactly what shipped is fine.
        (await ReshipAsync(client, id, new { reason = "Broken", lines = new[] { new { sku, quantity = 1 } } })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_same_Idempotency_Key_twice_is_one_reship_and_a_replacement_stays_free()
    {
        fixture.RequireProvider();
        var scenario = new ShippingScenario(fixture);
        var client = scenario.Client;
        var id = (await scenario.ShippedAsync("RESHIP-KEY"))[0];
        var number = (await scenario.OrderAsync(id)).GetProperty("number").GetString()!;
        var key = Guid.NewGuid().ToString();

        var first = await ReshipAsync(client, id, new { reason = "Lost by the carrier" }, key);
        var again = await ReshipAsync(client, id, new { reason = "Lost by the carrier" }, key);
        var otherBody = await ReshipAsync(client, id, new { reason = "Another story" }, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Ct));
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync(Ct));
        var reshipId = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid().ShouldBe(reshipId);
        otherBody.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ReplacementsAsync(client, number)).ShouldBe(1);
        var original = await scenario.OrderAsync(id);
        original.GetProperty("timeline").EnumerateArray().Count(t => t.GetProperty("event").GetString() == "Reshipped").ShouldBe(1);
        original.GetProperty("reships").GetArrayLength().ShouldBe(1);

        // The replacement's lines cannot grow into goods given away, nor can it be merged into (or take in) a paid order.
        var sku = original.GetProperty("lines")[0].GetProperty("sku").GetString()!;
        using var change = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{reshipId}/changes")
        {
            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity = 3 } }, reason = "Customer wants more" }),
        };
        change.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var changed = await client.SendAsync(change, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await changed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("ReplacementLinesFixed");
        var reship = await scenario.OrderAsync(reshipId);
        reship.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(1);
        reship.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(0m);

        // Another key is another replacement (a second parcel lost too): both are listed on the original.
        (await ReshipAsync(client, id, new { reason = "The replacement was lost as well" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scenario.OrderAsync(id)).GetProperty("reships").GetArrayLength().ShouldBe(2);
    }

    private static async Task<HttpResponseMessage> ReshipAsync(HttpClient client, Guid orderId, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/reship") { Content = JsonContent.Create(body) };
        if (key != string.Empty)
        {
            request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>How many replacement orders were made for the order <paramref name="number"/>.</summary>
    private static async Task<int> ReplacementsAsync(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?externalReference=reship:{number}", Ct)).GetProperty("total").GetInt32();

    /// <summary>The law's count of shipments into California this year (where the scenario ships).</summary>
    private static Task<JsonElement> ComplianceReportAsync(HttpClient client) =>
        client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/report?state=CA", Ct);
}

public sealed class ReshipOrderTestsOnSqlite(SqliteHostFixture fixture) : ReshipOrderTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ReshipOrderTestsOnPostgres(PostgresHostFixture fixture) : ReshipOrderTests(fixture), IClassFixture<PostgresHostFixture>;
