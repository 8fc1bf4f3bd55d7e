using Mediator;
using OrderHub.BuildingBlocks.Http;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>
/// A command a client may retry under an <c>Idempotency-Key</c>. <see cref="IdempotencyBehavior{TMessage,TResponse}"/>
/// answers it inside the command's unit of work: a key already stored with the same fingerprint returns the stored
/// response without running the handler; with another fingerprint it is a 409; otherwise the handler runs and its
/// response is stored with its effect, in the same transaction. Handlers neither look up nor remember anything.
/// </summary>
/// <remarks>
/// To adopt: implement it on the command record; give it a <c>[JsonIgnore] string? IdempotencyKey { get; init; }</c>
/// that the endpoint sets from the header (<see cref="IdempotencyKeys.Optional"/>, or <see cref="IdempotencyKeys.Require"/>
/// where API.md requires the header); delete the handler's own replay code. Server-side values (route ids, hashes)
/// stay <c>[JsonIgnore]</c> so they are outside the fingerprint; a route id the key is unique per goes into
/// <see cref="IdempotencyScope"/>. The stored response is JSON: the response type must round-trip through
/// <see cref="System.Text.Json.JsonSerializerOptions.Web"/>. A response that must tell "created" from "replayed"
/// (201 vs 200) can implement <see cref="IReplayableResponse{TSelf}"/>.
/// </remarks>
public interface IIdempotentCommand<out TResponse> : ICommand<TResponse>
{
    /// <summary>The client's key; null (no header) runs the command without idempotency.</summary>
    string? IdempotencyKey { get; }

    /// <summary>What the key is unique within: the command's type name, plus a route id where the key is unique per resource.</summary>
    string IdempotencyScope => GetType().Name;

    /// <summary>Tells "same request" (a replay) from "other request" (409): by default the hash of the command's JSON.</summary>
    string IdempotencyFingerprint => IdempotencyKeys.Fingerprint(this);

    /// <summary>
    /// True (the default): the key is looked up and claimed before the handler runs, so a replay costs no work. False,
    /// for keys that are almost always new (a web store's checkout): the claim is saved with the handler's effect, one
    /// round trip instead of three. A key used before is answered from the stored request: its handler runs again, and
    /// either its save fails on the claim, or the handler refuses because the resource moved on (a rule, a conflict such
    /// as "already packed"), or its save loses a versioned row to a parallel duplicate.
    /// </summary>
    bool LooksUpKeyFirst => true;
}

/// <summary>A response that says whether it was a replay of a stored answer (e.g. so the endpoint answers 200 instead of 201).</summary>
public interface IReplayableResponse<out TSelf>
{
    /// <summary>The same response, marked as a replay.</summary>
    TSelf AsReplay();
}
