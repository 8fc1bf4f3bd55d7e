using Mediator;

namespace OrderHub.Modules.Inventory.Features.ReleaseExpiredReservations;

/// <summary>Releases up to <paramref name="BatchSize"/> reservations whose expiry has passed; returns how many.</summary>
internal sealed record ReleaseExpiredReservationsCommand(int BatchSize = 500) : ICommand<int>;
