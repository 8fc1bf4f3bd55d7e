using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.ListReorderSuggestions;

internal static class ListReorderSuggestionsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/inventory/reorder-suggestions", async (DateOnly? day, string? sku, string? locationCode, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListReorderSuggestionsQuery(day, sku, locationCode), ct)))
            .WithName("ListReorderSuggestions")
            .WithSummary("Low-stock findings of the daily reorder check (one per SKU, location and day) with the draft purchase order raised, newest day first.")
            .Produces<IReadOnlyList<ReorderSuggestionDto>>();
}
