using System.Net;
using System.Net.Http.Headers;
using Shouldly;

namespace OrderHub.IntegrationTests.BackOffice;

/// <summary>
/// Staff in a browser never see a JSON problem: an unknown order is an HTML 404 page with a way back, a bad filter an
/// HTML 400 naming what was wrong, an unknown page a 404 page, a page outside the role the 403 page; the same failures
/// from API clients (JSON or no Accept header) stay RFC 9457 problems. Screenshots: <c>error-*.png</c>.
/// </summary>
public sealed class ErrorPagesTests : BackOfficeBrowser
{
    [Fact]
    public async Task An_unknown_order_and_a_bad_status_filter_are_html_pages_with_the_right_status_and_a_way_back()
    {
        var page = await SignedInAsync(ServiceEmail);
        var unknown = Guid.NewGuid();

        var notFound = await page.GotoAsync($"{BaseUrl}/orders/{unknown}");
        notFound!.Status.ShouldBe(404);
        notFound.Headers["content-type"].ShouldStartWith("text/html");
        (await page.InnerTextAsync("h1")).ShouldBe("Order not found.");
        (await page.InnerTextAsync("[data-testid=error-detail]")).ShouldContain(unknown.ToString());
        (await page.InnerTextAsync("[data-testid=signed-in-user]")).ShouldBe(ServiceEmail); // the layout, signed in
        await SaveScreenshotAsync(page, "error-order-not-found");
        await page.ClickAsync("[data-testid=error-back]");
        await page.WaitForFunctionAsync("() => location.pathname === '/orders'");

        var badFilter = await page.GotoAsync($"{BaseUrl}/orders?status=Nope");
        badFilter!.Status.ShouldBe(400);
        badFilter.Headers["content-type"].ShouldStartWith("text/html");
        (await page.InnerTextAsync("h1")).ShouldBe("Orders"); // the inbox itself, its filters kept, saying what was wrong
        (await page.InnerTextAsync("[data-testid=error]")).ShouldContain("Unknown status");
        await SaveScreenshotAsync(page, "error-bad-filter");

        var noPage = await page.GotoAsync($"{BaseUrl}/no-such-page");
        noPage!.Status.ShouldBe(404);
        (await page.InnerTextAsync("h1")).ShouldBe("Page not found.");
        (await page.Locator("[data-testid=trace-id]").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();

        var unknownProduct = await page.GotoAsync($"{BaseUrl}/inventory/locations/NOWHERE");
        unknownProduct!.Status.ShouldBe(404);
        unknownProduct.Headers["content-type"].ShouldStartWith("text/html");

        // A page outside the role: the 403 page (customer service may not move stock).
        var denied = await page.GotoAsync($"{BaseUrl}/inventory/actions");
        denied!.Status.ShouldBe(403);
        (await page.InnerTextAsync("h1")).ShouldBe("Access denied");
        await SaveScreenshotAsync(page, "error-denied");
    }

    [Fact]
    public async Task The_api_and_clients_that_do_not_ask_for_html_still_get_rfc_9457_problems()
    {
        var missing = await Api.GetAsync($"/api/v1/orders/{Guid.NewGuid()}", Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orders?status=Nope");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var bad = await Api.SendAsync(request, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
