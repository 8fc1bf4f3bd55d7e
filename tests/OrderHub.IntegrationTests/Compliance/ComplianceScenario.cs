using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Compliance.Contracts.Commands;

namespace OrderHub.IntegrationTests.Compliance;

/// <summary>Builds decision requests as Orders would send them, with a fresh consumer per scenario.</summary>
internal sealed class ComplianceScenario(OrderHubApp app)
{
    public static readonly DateOnly AdultDob = new(1985, 12, 10);

    private readonly string _id = Guid.NewGuid().ToString("N")[..10];

    public string Email => $"c{_id}@example.com";

    public ComplianceParty Consumer(DateOnly? dob = null, bool noDob = false) => new(Email, "Ada", "Lovelace " + _id, noDob ? null : dob ?? AdultDob);

    public static ComplianceAddress Address(string state, string line1 = "1 Main St", string country = "US") =>
        new(line1, null, "Springfield", state, "12345", country);

    public static ComplianceLine Bottles(int quantity, int volumeMl = 750, decimal price = 40m) => new("WINE-" + volumeMl, quantity, true, volumeMl, price);

    public DecideComplianceCommand Command(
        string state,
        DateOnly orderDate,
        IReadOnlyList<ComplianceLine> lines,
        ComplianceParty? purchaser = null,
        ComplianceParty? recipient = null,
        bool carryOut = false,
        Guid? orderId = null,
        string? shipFrom = null,
        string country = "US",
        string? line1 = null)
    {
        var buyer = purchaser ?? Consumer();
        return new DecideComplianceCommand(
            "key-" + Guid.NewGuid().ToString("N"), orderId ?? Guid.NewGuid(), "OH-" + _id, orderDate, buyer, recipient ?? buyer,
            Address(state, line1 ?? $"1 Main St Apt {_id}", country), carryOut, shipFrom, lines);
    }

    public Task<ComplianceDecisionDto> DecideAsync(DecideComplianceCommand command) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(command, TestContext.Current.CancellationToken).AsTask());

    public Task<ComplianceDecisionDto> DecideAsync(string state, DateOnly orderDate, params ComplianceLine[] lines) =>
        DecideAsync(Command(state, orderDate, lines));

    public Task<bool> ReleaseAsync(Guid orderId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new ReleaseComplianceVolumeCommand(orderId), TestContext.Current.CancellationToken).AsTask());
}
