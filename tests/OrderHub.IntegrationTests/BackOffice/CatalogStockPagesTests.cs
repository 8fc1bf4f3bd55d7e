using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// The catalog and stock pages in Debian Chromium against the host on Kestrel and SQLite: Warehouse staff create and edit
/// a product (then the API lists it so), receive into a bin and lot, adjust, transfer and count (then the API shows the
/// quantities and the location page the bins and lots); refusals stay on the page as HTML and change nothing; customer
/// service may look products up but not move stock, and a forged POST (with a real antiforgery token) is refused with
/// nothing changed. Every field on these pages has an accessible name and the keyboard reaches each page's main action
/// at a tablet's size. Screenshots: <c>catalog-*.png</c>.
/// </summary>
public sealed class CatalogStockPagesTests : BackOfficeBrowser
{
    [Fact]
    public async Task Warehouse_creates_and_edits_a_product_in_the_browser_and_the_api_lists_it_so()
    {
        var page = await SignedInAsync(WarehouseEmail);
        var sku = InventoryApi.NewSku("UI");
        await page.ClickAsync("header nav >> text=\"Inventory\"");
        await page.ClickAsync("[data-testid=inventory-nav] >> text=\"Products\"");
        await page.ClickAsync("[data-testid=new-product]");

        // Bad input first: refused on the page (400, HTML), with what was wrong, and nothing is created.
        await page.FillAsync("#Sku", sku);
        await page.FillAsync("#Name", "Estate Petite Sirah");
        await page.FillAsync("#Price", "38.50");
        await page.FillAsync("#Vintage", "1700");
        await page.EvalOnSelectorAsync("[data-testid=product-form]", "f => f.noValidate = true"); // past the browser's own checks
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Create product')"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        refused.Headers["content-type"].ShouldStartWith("text/html");
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("Vintage");
        (await Api.GetAsync($"/api/v1/products/{sku}", Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await page.InputValueAsync("#Name")).ShouldBe("Estate Petite Sirah"); // what was typed is kept

        await page.FillAsync("#Vintage", "2021");
        await page.FillAsync("#Varietal", "Petite Sirah");
        await page.FillAsync("#VolumeMl", "750");
        await page.FillAsync("#UnitsPerCase", "12");
        await page.FillAsync("#WeightGrams", "1350");
        await page.ClickAsync("button:has-text('Create product')");
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe($"Product {sku} created.");
        page.Url.ShouldEndWith($"/inventory/products/{sku}/edit");

        await page.FillAsync("#Name", "Estate Petite Sirah Reserve");
        await page.FillAsync("#Price", "44.00");
        await page.UncheckAsync("#IsAlcohol");
        await SaveScreenshotAsync(page, "catalog-product-edit");
        await page.ClickAsync("button:has-text('Save changes')");
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe($"Product {sku} saved.");

        var listed = await Api.GetFromJsonAsync<JsonElement>($"/api/v1/products?search={sku.ToLowerInvariant()}", Ct);
        var item = listed.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("name").GetString().ShouldBe("Estate Petite Sirah Reserve");
        item.GetProperty("price").GetDecimal().ShouldBe(44.00m);
        item.GetProperty("isAlcohol").GetBoolean().ShouldBeFalse();
        (item.GetProperty("vintage").GetInt32(), item.GetProperty("volumeMl").GetInt32()).ShouldBe((2021, 750));

        // The list finds it by part of its name, and counts what the API counts.
        await page.GotoAsync($"{BaseUrl}/inventory/products?search=petite+sirah+reserve");
        (await page.InnerTextAsync($"[data-testid=products] tr[data-sku='{sku}'] [data-testid=price]")).ShouldBe("44.00 USD");
        var all = await Api.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=1", Ct);
        await page.GotoAsync($"{BaseUrl}/inventory/products");
        (await page.InnerTextAsync("[data-testid=product-total]")).ShouldBe(all.GetProperty("total").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SaveScreenshotAsync(page, "catalog-products");
        Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Warehouse_receives_into_a_bin_and_lot_adjusts_transfers_and_counts_and_the_api_and_location_page_show_it()
    {
        var sku = InventoryApi.NewSku("MOVE");
        await InventoryApi.CreateProductAsync(Api, sku);
        var page = await SignedInAsync(WarehouseEmail, 1024, 768);
        await page.GotoAsync($"{BaseUrl}/inventory/actions");
        await SaveScreenshotAsync(page, "catalog-stock-actions");

        // Receive 12 into NAPA-WH bin A-01-2, lot L-UI-1.
        var receive = page.Locator("[data-testid=receive-form]");
        await receive.Locator("#receive-LocationCode").FillAsync("napa-wh");
        await receive.Locator("#receive-Sku").FillAsync(sku);
        await receive.Locator("#receive-Quantity").FillAsync("12");
        await receive.Locator("#receive-Bin").FillAsync("A-01-2");
        await receive.Locator("#receive-Lot").FillAsync("L-UI-1");
        await receive.Locator("button[type=submit]").ClickAsync();
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe($"Received 12 x {sku} into NAPA-WH/A-01-2 lot L-UI-1: 12 on hand there.");
        (await InventoryApi.AtAsync(Api, sku, "NAPA-WH")).OnHand.ShouldBe(12);

        // Adjust -2 (breakage).
        var adjust = page.Locator("[data-testid=adjust-form]");
        await adjust.Locator("#adjust-LocationCode").FillAsync("NAPA-WH");
        await adjust.Locator("#adjust-Sku").FillAsync(sku);
        await adjust.Locator("#adjust-Quantity").FillAsync("-2");
        await adjust.Locator("#adjust-Reason").SelectOptionAsync("Breakage");
        await adjust.Locator("#adjust-Bin").FillAsync("A-01-2");
        await adjust.Locator("#adjust-Lot").FillAsync("L-UI-1");
        await adjust.Locator("#adjust-Note").FillAsync("dropped a case corner");
        await adjust.Locator("button[type=submit]").ClickAsync();
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldContain("by -2 (Breakage): 10 on hand there.");

        // Taking more than is there is refused on the page (422, HTML), with the reason, and nothing changes.
        await adjust.Locator("#adjust-LocationCode").FillAsync("NAPA-WH");
        await adjust.Locator("#adjust-Sku").FillAsync(sku);
        await adjust.Locator("#adjust-Quantity").FillAsync("-50");
        await adjust.Locator("#adjust-Reason").SelectOptionAsync("Theft");
        await adjust.Locator("#adjust-Bin").FillAsync("A-01-2");
        await adjust.Locator("#adjust-Lot").FillAsync("L-UI-1");
        var refused = await page.RunAndWaitForResponseAsync(() => adjust.Locator("button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        refused.Headers["content-type"].ShouldStartWith("text/html");
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("only 10 unreserved");
        (await InventoryApi.AtAsync(Api, sku, "NAPA-WH")).OnHand.ShouldBe(10);
        await SaveScreenshotAsync(page, "catalog-stock-refused");

        // Transfer 4 to RENO-WH, then receive it there into R-02-1.
        var transfer = page.Locator("[data-testid=transfer-form]");
        await transfer.Locator("#transfer-LocationCode").FillAsync("NAPA-WH");
        await transfer.Locator("#transfer-ToLocationCode").FillAsync("RENO-WH");
        await transfer.Locator("#transfer-Sku").FillAsync(sku);
        await transfer.Locator("#transfer-Quantity").FillAsync("4");
        await transfer.Locator("button[type=submit]").ClickAsync();
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldContain($"Shipped 4 x {sku} from NAPA-WH to RENO-WH");
        (await InventoryApi.AtAsync(Api, sku, "NAPA-WH")).OnHand.ShouldBe(6);
        (await InventoryApi.AtAsync(Api, sku, "RENO-WH")).OnHand.ShouldBe(0);
        await page.FillAsync("#rt-Bin", "R-02-1");
        await page.ClickAsync("[data-testid=receive-transfer-form] button[type=submit]");
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe($"Transfer of 4 x {sku} received at RENO-WH/R-02-1.");
        (await InventoryApi.AtAsync(Api, sku, "RENO-WH")).OnHand.ShouldBe(4);

        // The location page shows the bin and lot; its Count link fills the count form; 5 counted where 6 were expected.
        await page.GotoAsync($"{BaseUrl}/inventory/locations/NAPA-WH");
        var row = page.Locator($"[data-testid=bins] tr[data-bin='A-01-2'][data-sku='{sku}'][data-lot='L-UI-1']");
        (await row.Locator("[data-testid=on-hand]").InnerTextAsync()).ShouldBe("6");
        (await row.Locator("[data-testid=reserved]").InnerTextAsync()).ShouldBe("0");
        (await page.Locator("[data-testid=bins] tr[data-bin='B-01-1']").CountAsync()).ShouldBeGreaterThan(0);
        await SaveScreenshotAsync(page, "catalog-location");
        await row.Locator("a:has-text('Count')").ClickAsync();
        (await page.InputValueAsync("#count-Bin")).ShouldBe("A-01-2");
        (await page.InputValueAsync("#count-Lot")).ShouldBe("L-UI-1");
        await page.FillAsync("#count-Quantity", "5");
        await page.ClickAsync("[data-testid=count-form] button[type=submit]");
        (await page.InnerTextAsync("[data-testid=notice]")).ShouldBe($"Counted 5 x {sku} in NAPA-WH/A-01-2 lot L-UI-1: expected 6, adjusted by -1.");

        var stock = await InventoryApi.AvailabilityAsync(Api, sku);
        stock.GetProperty("totalAvailable").GetInt32().ShouldBe(9);
        (await InventoryApi.AtAsync(Api, sku, "NAPA-WH")).ShouldBe((5, 0, 5));
        (await InventoryApi.AtAsync(Api, sku, "RENO-WH")).ShouldBe((4, 0, 4));
        var ledger = await InventoryApi.SendAsync(App, new Modules.Inventory.Features.VerifyStockLedger.VerifyStockLedgerQuery());
        ledger.Mismatches.Where(m => m.Sku == sku).ShouldBeEmpty();
        Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Customer_service_looks_products_up_but_cannot_edit_or_move_stock_and_a_forged_post_changes_nothing()
    {
        var sku = InventoryApi.NewSku("CS");
        await InventoryApi.CreateProductAsync(Api, sku);
        await InventoryApi.ReceiveAsync(Api, sku, 5, "NAPA-WH", lot: "L-CS", bin: "A-01-1");
        var page = await SignedInAsync(ServiceEmail);

        await page.GotoAsync($"{BaseUrl}/inventory/products?search={sku}");
        (await page.Locator($"[data-testid=products] tr[data-sku='{sku}']").CountAsync()).ShouldBe(1);
        (await page.Locator("[data-testid=new-product]").CountAsync()).ShouldBe(0);
        (await page.Locator($"a[href='/inventory/products/{sku}/edit']").CountAsync()).ShouldBe(0);
        (await page.Locator("[data-testid=inventory-nav] >> text=\"Receive, adjust, transfer, count\"").CountAsync()).ShouldBe(0);
        await page.GotoAsync($"{BaseUrl}/inventory/locations/NAPA-WH");
        (await page.Locator("[data-testid=bins] a:has-text('Count')").CountAsync()).ShouldBe(0);

        var denied = await page.GotoAsync($"{BaseUrl}/inventory/actions");
        page.Url.ShouldContain("/account/denied");
        denied!.Status.ShouldBe(403);
        (await page.InnerTextAsync("h1")).ShouldBe("Access denied");
        (await page.GotoAsync($"{BaseUrl}/inventory/products/{sku}/edit"))!.Status.ShouldBe(403);

        // Forged POSTs carrying a valid antiforgery token (the sign-out form's): refused, nothing changed.
        await page.GotoAsync($"{BaseUrl}/inventory/products");
        foreach (var (action, fields) in new (string, string)[]
        {
            ("/inventory/actions/adjust", $"LocationCode=NAPA-WH&Sku={sku}&Quantity=-5&Reason=Theft&Bin=A-01-1&Lot=L-CS"),
            ("/inventory/actions/count", $"LocationCode=NAPA-WH&Sku={sku}&Quantity=0&Bin=A-01-1&Lot=L-CS"),
            ("/inventory/actions/receive", $"LocationCode=NAPA-WH&Sku={sku}&Quantity=100&Bin=A-01-1&Lot=L-CS"),
            ($"/inventory/products/{sku}/edit", "Name=Forged&Price=0.01&Currency=USD"),
        })
        {
            var status = await page.EvaluateAsync<int>("""
                async ([action, fields]) => {
                    const token = document.querySelector('form.signout input[name=__RequestVerificationToken]').value;
                    const r = await fetch(action, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                        body: fields + '&__RequestVerificationToken=' + encodeURIComponent(token) });
                    return r.type === 'opaqueredirect' ? 302 : r.status;
                }
                """, new[] { action, fields });
            status.ShouldBe(302, action); // to /account/denied
        }

        (await InventoryApi.AtAsync(Api, sku, "NAPA-WH")).OnHand.ShouldBe(5);
        (await Api.GetFromJsonAsync<JsonElement>($"/api/v1/products/{sku}", Ct)).GetProperty("name").GetString().ShouldBe($"Test wine {sku}");
        await SaveScreenshotAsync(page, "catalog-products-customer-service");
    }

    [Fact]
    public async Task Every_field_on_the_catalog_and_stock_pages_has_a_name_and_tab_reaches_the_main_action_on_a_tablet()
    {
        var page = await SignedInAsync(WarehouseEmail, 768, 1024);
        foreach (var (path, action) in new[]
        {
            ("/inventory/products", "[data-testid=new-product]"),
            ("/inventory/products/new", "[data-testid=product-form] button[type=submit]"),
            ("/inventory/products/CAB-2019-750/edit", "[data-testid=product-form] button[type=submit]"),
            ("/inventory/actions", "[data-testid=receive-form] button[type=submit]"),
            ("/inventory/locations/NAPA-WH", "a.button[href*='form=receive']"),
            ("/inventory?sku=CAB-2019-750", "form[role=search] button[type=submit]"),
            ("/imports", "form[action='/imports/products'] button[type=submit]"),
        })
        {
            await page.GotoAsync(BaseUrl + path);
            (await UnlabelledFieldsAsync(page)).ShouldBeEmpty(path);
            (await TabUntilFocusedAsync(page, action)).ShouldBeGreaterThan(0);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} scrolls sideways at 768 px");
        }

        // The first Tab on any page is the skip link, and it moves focus to the main content.
        await page.GotoAsync(BaseUrl + "/inventory/actions");
        await TabUntilFocusedAsync(page, "a.skip-link", max: 1);
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main");
        await SaveScreenshotAsync(page, "catalog-stock-actions-tablet");
        await page.GotoAsync(BaseUrl + "/imports");
        await SaveScreenshotAsync(page, "imports-tablet");
    }
}
