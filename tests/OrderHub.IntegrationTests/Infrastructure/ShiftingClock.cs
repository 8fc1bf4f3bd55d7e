namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>The system clock, moved forward on demand (authorization expiry, "stuck for 30 s").</summary>
public sealed class ShiftingClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
