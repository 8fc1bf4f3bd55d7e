using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Shipping.Features.GetShipment;

namespace OrderHub.Modules.Shipping.Features.Manifests;

internal static class ManifestsEndpoints
{
    public static void MapReads(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/shipping/manifests/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetManifestQuery(id), ct)))
            .WithName("GetManifest")
            .WithSummary("A carrier's end-of-day manifest: its shipments, tracking numbers, package count and total weight.")
            .Produces<ManifestDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/shipping/manifests/{id:guid}/document.pdf", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.File(ManifestDocument.Render(await sender.Send(new GetManifestQuery(id), ct)), "application/pdf", $"manifest-{id}.pdf"))
            .WithName("GetManifestDocument")
            .WithSummary("The manifest as a PDF for the driver: carrier, location, date, each package's tracking number and weight, totals.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/shipping/manifests", async (DateOnly? date, string? locationCode, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListManifestsQuery(date, locationCode), ct)))
            .WithName("ListManifests")
            .WithSummary("Manifests, newest day first, optionally of one day and one location.")
            .Produces<IReadOnlyList<ManifestDto>>();
    }

    public static void MapWrites(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/shipments/{id:guid}/void", async (Guid id, VoidShipmentCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { ShipmentId = id, Actor = Actors.Of(user) }, ct)))
            .WithName("VoidShipment")
            .WithSummary("Voids the shipment's label before the carrier has it ({ reason }); voiding twice changes nothing. 409 once it has left or its manifest was picked up; a label on a manifest not yet picked up is released from it.")
            .Produces<ShipmentDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        endpoints.MapPost("/shipments/{id:guid}/relabel", async (Guid id, RelabelShipmentCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { ShipmentId = id, Actor = Actors.Of(user) }, ct)))
            .WithName("RelabelShipment")
            .WithSummary("Voids the current label (if any) and buys a new one for the same shipment ({ reason }): LabelPending until the outbox buys it, with new tracking numbers. 409 once it has left.")
            .Produces<ShipmentDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        endpoints.MapPost("/shipments/{id:guid}/simulate-tracking", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await sender.Send(new SimulateTrackingCommand { ShipmentId = id, Actor = Actors.Of(user) }, ct)))
            .WithName("SimulateTracking")
            .WithSummary("The simulated carrier plays a labelled shipment's scans (InTransit now, OutForDelivery a business day later, Delivered after its transit days). 409 for a carrier with its API configured or a shipment not LabelCreated.")
            .Produces<ShipmentDetailsDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        endpoints.MapPost("/shipping/manifests", async Task<Results<Created<ManifestDto>, Ok<ManifestDto>>> (CloseManifestCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var closed = await sender.Send(command with { Actor = Actors.Of(user) }, ct);
                return closed.Created ? TypedResults.Created($"/api/v1/shipping/manifests/{closed.Manifest.Id}", closed.Manifest) : TypedResults.Ok(closed.Manifest);
            })
            .WithName("CloseManifest")
            .WithSummary("Closes a carrier's day at a location ({ carrier, locationCode, date? }, today in UTC by default): 201 with the manifest of every labelled, not voided shipment not on a manifest yet; closing the same day again is 200 with the same manifest and the labels bought since added.")
            .Produces<ManifestDto>(StatusCodes.Status201Created)
            .Produces<ManifestDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPost("/shipping/pickups", async Task<Results<Created<PickupDto>, Ok<PickupDto>>> (RequestPickupCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var booked = await sender.Send(command with { Actor = Actors.Of(user) }, ct);
                return booked.Created ? TypedResults.Created((string?)null, booked.Pickup) : TypedResults.Ok(booked.Pickup);
            })
            .WithName("RequestPickup")
            .WithSummary("Books the carrier's pickup for a location and day ({ carrier, locationCode, date, readyBy?, closeBy? }): 201 with its confirmation number; the same carrier, location and day again is 200 with the first booking. 400 for a day that has passed (UTC); 409 for a carrier connected through its API.")
            .Produces<PickupDto>(StatusCodes.Status201Created)
            .Produces<PickupDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
