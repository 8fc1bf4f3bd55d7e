using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;

namespace OrderHub.Modules.Shipping.Features.ReleaseShipDay;

/// <summary>
/// The body of <c>POST /api/v1/shipping/releases</c>: ship now what was packed ahead to leave on <see cref="ShipOn"/> from
/// <see cref="LocationCode"/> (a wine-club release), and why.
/// </summary>
internal sealed record ReleaseShipDayCommand : ICommand<ShipDayReleased>
{
    public string? LocationCode { get; init; }

    public DateOnly? ShipOn { get; init; }

    public string? Reason { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

/// <summary>
/// What the release queued: <see cref="Released"/> labels, bought <see cref="LabelsPerSecond"/> a second (the last one due
/// at <see cref="LastLabelDueAt"/>); <see cref="StillHeldForWeather"/> stay with the weather job.
/// </summary>
internal sealed record ShipDayReleased(string LocationCode, DateOnly ShipOn, int Released, int StillHeldForWeather, int LabelsPerSecond, DateTimeOffset LastLabelDueAt);

internal sealed class ReleaseShipDayValidator : AbstractValidator<ReleaseShipDayCommand>
{
    public ReleaseShipDayValidator()
    {
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.ShipOn).NotNull();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(400);
    }
}
