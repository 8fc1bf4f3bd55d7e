using Mediator;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// A fact one module publishes for others (suffix <c>IntegrationEvent</c>, lives in a Contracts project).
/// Travels through the producer's outbox; <see cref="Id"/> is the inbox key on the consumer side.
/// </summary>
public abstract record IntegrationEvent : INotification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
