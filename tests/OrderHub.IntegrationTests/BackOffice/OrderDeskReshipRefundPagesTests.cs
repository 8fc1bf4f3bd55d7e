using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderHub.IntegrationTests.Shipping;
using OrderHub.Web.Access;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The order page's actions on a shipped order, in a real browser (Debian Chromium) against the host on a real port and
/// SQLite: CustomerService reships it (a replacement at no charge, the page of the new order follows, both pages link to
/// each other, the request is audited) while a Warehouse user sees no desk and a forged reship POST of theirs changes
/// nothing; CustomerService refunds part of the captured money and the ledger on the page shows it, while an amount
/// above what is refundable is an error on the page, not a 500. Orders are shipped through the API and a signed carrier
/// scan. Screenshots: <c>orderdesk-reship-*.png</c>, <c>orderdesk-refund-*.png</c>.
/// </summary>
public sealed class OrderDeskReshipRefundPagesTests : BackOfficeBrowser
{
    [Fact]
    public async Task Customer_service_reships_a_shipped_order_from_its_page_and_lands_on_the_replacement_and_warehouse_cannot()
    {
        var page = await SignedInAsync(ServiceEmail);
        using var carrier = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var id = (await Scenario(carrier).ShippedAsync("DESK-RESHIP"))[0];
        var original = await OrderAsync(id);
        var number = original.GetProperty("number").GetString()!;
        var sku = original.GetProperty("lines")[0].GetProperty("sku").GetString()!;

        // The shipped order offers a reship of what left (its one bottle), and no more the changes made before picking.
        await page.GotoAsync($"{BaseUrl}/orders/{id}");
        var form = page.Locator("[data-testid=reship-form]");
        await form.WaitForAsync();
        (await form.Locator("input[name='lines[0].Quantity']").InputValueAsync()).ShouldBe("1");
        (await page.Locator("[data-testid=lines-form]").CountAsync()).ShouldBe(0);
        (await UnlabelledFieldsAsync(page)).ShouldBeEmpty();
        await SaveScreenshotAsync(page, "orderdesk-reship-form");

        // Without a reason it is refused on the page, and nothing is made.
        await form.Locator("button[type=submit]").ClickAsync();
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("Say why the order is reshipped");
        (await ReplacementsAsync(number)).ShouldBe(0);

        await page.Locator("[data-testid=reship-form] input[name=reason]").FillAsync("Bottle broken in transit");
        await page.Locator("[data-testid=reship-form] button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=replacement-for]");
        var replacementNumber = await page.InnerTextAsync("[data-testid=order-number]");
        replacementNumber.ShouldNotBe(number);
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe($"Replacement {replacementNumber} created for {number} at no charge.");
        (await page.InnerTextAsync("[data-testid=order-status]")).ShouldBe("ReadyToFulfill");
        (await page.InnerTextAsync("[data-testid=replacement-for]")).ShouldContain(number);
        (await page.InnerTextAsync("[data-testid=lines] tr")).ShouldContain("0.00");
        (await page.InnerTextAsync("[data-testid=payments]")).ShouldContain("No payment yet.");
        (await page.Locator("[data-testid=lines-form], [data-testid=card-form]").CountAsync()).ShouldBe(0, "a replacement's lines are fixed and it takes no card");
        (await page.InnerTextAsync("[data-testid=timeline]")).ShouldContain("Stock reserved, compliance approved, nothing to charge");
        await SaveScreenshotAsync(page, "orderdesk-reship-created");
        var replacementId = Guid.Parse(page.Url.Split('/')[^1]);
        var replacement = await OrderAsync(replacementId);
        replacement.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(0m);
        replacement.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem().GetProperty("sku").GetString().ShouldBe(sku);
        replacement.GetProperty("timeline").EnumerateArray().Single(t => t.GetProperty("event").GetString() == "ReplacementFor")
            .GetProperty("actor").GetString().ShouldBe($"staff:{ServiceEmail}");

        // Back on the original: the replacement is linked, and the reship is on its timeline by who did it.
        await page.ClickAsync("[data-testid=replacement-for] a");
        await page.WaitForSelectorAsync("[data-testid=reships]");
        (await page.InnerTextAsync("[data-testid=order-number]")).ShouldBe(number);
        (await page.InnerTextAsync("[data-testid=reships]")).ShouldContain(replacementNumber);
        var timeline = await page.InnerTextAsync("[data-testid=timeline]");
        timeline.ShouldContain($"Reshipped as {replacementNumber} (1 × {sku}) at no charge: Bottle broken in transit");
        timeline.ShouldContain($"staff:{ServiceEmail}");
        await SaveScreenshotAsync(page, "orderdesk-reship-original");
        var audited = await App.InScopeAsync(sp => sp.GetRequiredService<AccessDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Path == $"/orders/{id}/reship").Select(a => new { a.Actor, a.Action }).ToListAsync(Ct));
        audited.ShouldContain(a => a.Actor == $"staff:{ServiceEmail}" && a.Action == "Orders.OrderPage.Reship");

        // Warehouse: no desk, so no reship action; a POST with a real antiforgery token is refused and changes nothing.
        var warehouse = await SignedInAsync(WarehouseEmail);
        await warehouse.GotoAsync($"{BaseUrl}/orders/{id}");
        await warehouse.WaitForURLAsync("**/account/denied**");
        (await warehouse.Locator("[data-testid=reship-form]").CountAsync()).ShouldBe(0);
        await warehouse.GotoAsync($"{BaseUrl}/fulfillment/pick-lists");
        var token = await warehouse.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var forged = warehouse.Context.APIRequest.CreateFormData();
        forged.Set("__RequestVerificationToken", token!);
        forged.Set("reason", "forged by the warehouse");
        forged.Set("lines[0].Sku", sku);
        forged.Set("lines[0].Quantity", "1");
        var refused = await warehouse.Context.APIRequest.PostAsync($"{BaseUrl}/orders/{id}/reship", new APIRequestContextOptions { Form = forged, MaxRedirects = 0 });
        refused.Status.ShouldBe((int)HttpStatusCode.Redirect);
        refused.Headers["location"].ShouldContain("/account/denied");
        (await ReplacementsAsync(number)).ShouldBe(1);
        var after = await OrderAsync(id);
        after.GetProperty("reships").GetArrayLength().ShouldBe(1);
        after.GetProperty("timeline").EnumerateArray().Count(t => t.GetProperty("event").GetString() == "Reshipped").ShouldBe(1);
        Violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    [Fact]
    public async Task Customer_service_refunds_part_of_a_captured_order_on_its_page_and_more_than_is_refundable_is_an_error_on_the_page()
    {
        var page = await SignedInAsync(ServiceEmail);
        using var carrier = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var id = (await Scenario(carrier).ShippedAsync("DESK-REFUND"))[0];
        var order = await OrderAsync(id);
        var total = order.GetProperty("totals").GetProperty("total").GetDecimal();
        order.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("type").GetString() == "Capture").Sum(p => p.GetProperty("amount").GetDecimal())
            .ShouldBe(total, "the shipment that left captured the whole total");

        await page.GotoAsync($"{BaseUrl}/orders/{id}");
        var refund = page.Locator("[data-testid=refund-form]");
        await refund.WaitForAsync();
        (await refund.InnerTextAsync()).ShouldContain($"Up to {total:0.00} USD");
        await refund.Locator("input[name=amount]").FillAsync("10.00");
        await refund.Locator("input[name=reason]").FillAsync("A corked bottle");
        await refund.Locator("button[type=submit]").ClickAsync();
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe("Refund issued.");
        var payments = page.Locator("[data-testid=payments]");
        (await payments.InnerTextAsync()).ShouldContain($"captured {total:0.00} · refunded 10.00 USD");
        (await payments.Locator("tbody tr").AllInnerTextsAsync()).ShouldContain(row => row.Contains("Refund") && row.Contains("10.00 USD"));
        (await page.InnerTextAsync("[data-testid=timeline]")).ShouldContain("Refund of 10.00 USD issued");
        (await page.InnerTextAsync("[data-testid=refund-form]")).ShouldContain($"Up to {total - 10m:0.00} USD");
        await SaveScreenshotAsync(page, "orderdesk-refund-issued");

        // More than is left to refund: a clear error on the order page, and the ledger is as it was.
        var tooMuch = total; // 10.00 of it is refunded already
        await refund.Locator("input[name=amount]").FillAsync(tooMuch.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await refund.Locator("input[name=reason]").FillAsync("Refund everything again");
        var serverErrors = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                serverErrors.Add($"{response.Status} {response.Url}");
            }
        };
        await refund.Locator("button[type=submit]").ClickAsync();
        (await page.InnerTextAsync("[data-testid=error]")).ShouldBe($"Cannot refund {tooMuch:0.00}: only {total - 10m:0.00} was captured and not yet refunded.");
        (await page.InnerTextAsync("[data-testid=order-number]")).ShouldBe(order.GetProperty("number").GetString());
        (await payments.InnerTextAsync()).ShouldContain("refunded 10.00 USD");
        serverErrors.ShouldBeEmpty();
        await SaveScreenshotAsync(page, "orderdesk-refund-refused");
        var refunds = (await OrderAsync(id)).GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("type").GetString() == "Refund").ToList();
        refunds.ShouldHaveSingleItem().GetProperty("amount").GetDecimal().ShouldBe(10m);
        Violations.ShouldBeEmpty("no Content-Security-Policy violation on these pages");
    }

    /// <summary>Orders shipped through the API; the carrier's signed scans come through a client without an API key.</summary>
    private ShippingScenario Scenario(HttpClient carrier) => new(() => Api, () => carrier, SettleAsync);

    private Task<JsonElement> OrderAsync(Guid id) => Api.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);

    private async Task<int> ReplacementsAsync(string number) =>
        (await Api.GetFromJsonAsync<JsonElement>($"/api/v1/orders?externalReference=reship:{number}", Ct)).GetProperty("total").GetInt32();
}
