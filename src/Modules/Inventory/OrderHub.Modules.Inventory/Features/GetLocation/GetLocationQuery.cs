using Mediator;
using OrderHub.Modules.Inventory.Features.CreateLocation;

namespace OrderHub.Modules.Inventory.Features.GetLocation;

internal sealed record GetLocationQuery(string Code) : IQuery<LocationDto>;
