using System.Text.Json;

namespace OrderHub.Modules.Compliance.Domain.Decisions;

internal enum CheckResult
{
    Passed,
    Hold,
    Failed,
    NotApplicable,
}

/// <summary>One check of a decision: its name, result, the rule identifier when it did not pass, and the facts it used.</summary>
internal sealed record DecisionCheck(string Name, CheckResult Result, string? Rule, string Detail)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToFact() => Rule is null ? $"{Name}: {Result} - {Detail}" : $"{Name}: {Result} ({Rule}) - {Detail}";

    public static DecisionCheck Pass(string name, string detail) => new(name, CheckResult.Passed, null, detail);

    public static DecisionCheck Skip(string name, string detail) => new(name, CheckResult.NotApplicable, null, detail);

    public static DecisionCheck Fail(string name, string rule, string detail) => new(name, CheckResult.Failed, rule, detail);

    public static DecisionCheck Hold(string name, string rule, string detail) => new(name, CheckResult.Hold, rule, detail);

    public static string Serialize(IReadOnlyList<DecisionCheck> checks) => JsonSerializer.Serialize(checks, Json);

    public static IReadOnlyList<DecisionCheck> Deserialize(string json) => JsonSerializer.Deserialize<List<DecisionCheck>>(json, Json) ?? [];
}
