using System.Text;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Shipping.Features.RateShipment;

internal static class RateShipmentEndpoint
{
    /// <summary>Names the carriers left out of the answer and why: <c>FedEx: timed out after 2 s; UPS: …</c> (ASCII).</summary>
    public const string WarningsHeader = "X-OrderHub-Rating-Warnings";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/shipping/rates", async (RateShipmentQuery query, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(query, ct);
                if (result.Warnings.Count > 0)
                {
                    http.Response.Headers[WarningsHeader] = HeaderText(string.Join("; ", result.Warnings));
                }

                return TypedResults.Ok(result.Rates);
            })
            .WithName("RateShipment")
            .WithSummary("Every carrier's price for these packages from a location to an address, cheapest first (alcohol: never USPS, always adult signature). " +
                "Carriers are asked at once within 2 s; one that times out or fails is left out and named in the X-OrderHub-Rating-Warnings header.")
            .Produces<IReadOnlyList<ShippingRateDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Printable ASCII only (a header cannot carry a line break or a non-ASCII character), at most 1000 characters.</summary>
    private static string HeaderText(string text)
    {
        var ascii = new StringBuilder(Math.Min(text.Length, 1000));
        foreach (var c in text.Take(1000))
        {
            ascii.Append(c is >= ' ' and <= '~' ? c : ' ');
        }

        return ascii.ToString();
    }
}
