using Microsoft.Extensions.Options;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Gateways;
using Shouldly;

namespace OrderHub.IntegrationTests.Payments;

/// <summary>
/// The built-in test gateway keeps its idempotency keys, authorizations and operation log in memory: bounded, so a
/// host taking orders for weeks (or a load test: 18 orders failed with OutOfMemoryException under an 80 MB heap cap
/// before) does not grow without limit, while recent keys still replay and recent authorizations still capture.
/// </summary>
public sealed class TestGatewayMemoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_gateway_forgets_its_oldest_keys_and_authorizations_beyond_its_bound_and_keeps_the_recent_ones()
    {
        var gateway = new TestPaymentGateway(TimeProvider.System, Options.Create(new PaymentsOptions()));
        var first = await gateway.AuthorizeAsync(Authorization(0), Ct);
        var references = new List<string>();
        for (var i = 1; i <= TestPaymentGateway.Remembered; i++)
        {
            references.Add((await gateway.AuthorizeAsync(Authorization(i), Ct)).Reference!);
        }

        // The first key was forgotten: the same request is a new authorization, not a replay.
        (await gateway.AuthorizeAsync(Authorization(0), Ct)).Reference.ShouldNotBe(first.Reference);
        (await gateway.CaptureAsync(new GatewayCapture("cap-first", first.Reference!, 10m, "USD", IsFinal: true), Ct)).DeclineCode.ShouldBe("resource_missing");

        // Recent ones are remembered: a replay answers the first outcome and the authorization still captures.
        (await gateway.AuthorizeAsync(Authorization(TestPaymentGateway.Remembered), Ct)).Reference.ShouldBe(references[^1]);
        (await gateway.CaptureAsync(new GatewayCapture("cap-last", references[^1], 10m, "USD", IsFinal: true), Ct)).Outcome.ShouldBe(PaymentOutcome.Succeeded);
        gateway.Operations.Count.ShouldBe(TestPaymentGateway.OperationsKept);
        gateway.Operations[^1].ShouldStartWith("capture ");
    }

    [Fact]
    public void A_bounded_map_evicts_first_in_first_out_and_a_replaced_value_keeps_its_place()
    {
        var map = new BoundedMemory<string, int>(2, StringComparer.Ordinal);
        map.Set("a", 1);
        map.Set("b", 2);
        map.Set("a", 10); // replaced, still the oldest
        map.Set("c", 3);

        map.TryGetValue("a", out _).ShouldBeFalse();
        map.TryGetValue("b", out var b).ShouldBeTrue();
        b.ShouldBe(2);
        map.TryGetValue("c", out _).ShouldBeTrue();
        map.Count.ShouldBe(2);
    }

    private static GatewayAuthorization Authorization(int i) => new($"auth-{i}", $"OH-{i:D6}", 10m, "USD", "tok_visa");
}
