using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The dashboard is today's work for the signed-in role, each figure what the API says and each a link to the work:
/// Warehouse sees orders to pick, late shipments and backorders (not the holds desk); customer service sees holds by
/// type (not picking); Admin sees all of it and the modules' databases; everyone sees open alerts. At a tablet's size
/// nothing scrolls sideways and the keyboard reaches the main action. Screenshots: <c>dashboard-*.png</c>.
/// </summary>
public sealed class DashboardTests : BackOfficeBrowser
{
    [Fact]
    public async Task Each_role_sees_its_work_with_the_counts_the_api_gives_and_nothing_of_another_desk()
    {
        var sku = await SourcingSetup.WineAsync(Api, "DASH", ("NAPA-WH", 20));
        await SourcingSetup.PlaceReadyAsync(Api, Infrastructure.Orders.ValidBody(email: "dash-ready-1@example.com", sku: sku, quantity: 1, region: "CA", postalCode: "94558"), Ct);
        await SourcingSetup.PlaceReadyAsync(Api, Infrastructure.Orders.ValidBody(email: "dash-ready-2@example.com", sku: sku, quantity: 1, region: "CA", postalCode: "94558"), Ct);
        var held = await SourcingSetup.PlaceReadyAsync(Api, Infrastructure.Orders.ValidBody(email: "dash-held@example.com", sku: sku, quantity: 1, region: "CA", postalCode: "94558"), Ct);
        var hold = await Api.PostAsJsonAsync($"/api/v1/orders/{held}/holds", new { type = "Manual", reason = "Customer asked us to wait" }, Ct);
        hold.IsSuccessStatusCode.ShouldBeTrue(await hold.Content.ReadAsStringAsync(Ct));
        await SettleAsync();

        var ready = await TotalAsync("/api/v1/orders?status=ReadyToFulfill&pageSize=1");
        var onHold = await TotalAsync("/api/v1/orders?status=OnHold&pageSize=1");
        ready.ShouldBeGreaterThanOrEqualTo(2);
        onHold.ShouldBeGreaterThanOrEqualTo(1);
        var alerts = (await Api.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=open", Ct)).GetArrayLength();
        var backorders = (await Api.GetFromJsonAsync<JsonElement>("/api/v1/inventory/backorders?status=Waiting", Ct)).GetArrayLength();

        var warehouse = await SignedInAsync(WarehouseEmail, 1024, 768);
        (await warehouse.InnerTextAsync("[data-testid=ready-to-fulfill]")).ShouldBe(ready.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await warehouse.GetAttributeAsync("[data-testid=ready-to-fulfill]", "href")).ShouldBe("/fulfillment/pick-lists");
        (await warehouse.InnerTextAsync("[data-testid=alert-count]")).ShouldBe(alerts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await warehouse.InnerTextAsync("[data-testid=backorder-count]")).ShouldBe(backorders.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await warehouse.Locator("[data-testid=late-shipments]").CountAsync()).ShouldBe(1);
        (await warehouse.Locator("[data-testid=holds]").CountAsync()).ShouldBe(0);
        (await warehouse.Locator("[data-testid=module-status]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync(warehouse, "dashboard-warehouse");
        await warehouse.ClickAsync("[data-testid=ready-to-fulfill]");
        await warehouse.WaitForURLAsync($"{BaseUrl}/fulfillment/pick-lists");

        var desk = await SignedInAsync(ServiceEmail, 768, 1024);
        (await desk.InnerTextAsync("[data-testid=on-hold]")).ShouldBe(onHold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await desk.InnerTextAsync("[data-testid=holds] tr[data-hold-type=Manual] [data-testid=hold-count]")).ShouldBe("1");
        (await desk.GetAttributeAsync("[data-testid=holds] tr[data-hold-type=Manual] a", "href")).ShouldBe("/orders?status=OnHold&holdType=Manual");
        (await desk.Locator("[data-testid=to-pick]").CountAsync()).ShouldBe(0);
        (await desk.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await SaveScreenshotAsync(desk, "dashboard-customer-service-tablet");
        await desk.ClickAsync("[data-testid=on-hold]");
        await desk.Locator($"text=dash-held@example.com").WaitForAsync();

        var compliance = await SignedInAsync(ComplianceEmail);
        (await compliance.Locator("[data-testid=alerts]").CountAsync()).ShouldBe(1);
        (await compliance.Locator("[data-testid=to-pick], [data-testid=holds], [data-testid=backorders]").CountAsync()).ShouldBe(0);

        var admin = await SignedInAsync(OrderHubApp.AdminEmail);
        (await admin.InnerTextAsync("[data-testid=ready-to-fulfill]")).ShouldBe(ready.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await admin.GetAttributeAsync("[data-testid=ready-to-fulfill]", "href")).ShouldBe("/orders?status=ReadyToFulfill");
        (await admin.Locator("[data-testid=module-status] tbody tr").CountAsync()).ShouldBe(Web.Infrastructure.ModuleCatalog.All.Count);
        (await UnlabelledFieldsAsync(admin)).ShouldBeEmpty();
        (await TabUntilFocusedAsync(admin, "[data-testid=ready-to-fulfill]")).ShouldBeLessThan(20);
        await SaveScreenshotAsync(admin, "dashboard-admin");
        Violations.ShouldBeEmpty();
    }

    private async Task<int> TotalAsync(string path) =>
        (await Api.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("total").GetInt32();
}
