using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.Rating;

/// <summary>A carrier left out of a rating, and why (timed out, refused, failed).</summary>
internal sealed record RatingFailure(Carrier Carrier, string Reason);

/// <summary>Every rate offered, cheapest first, and the carriers that could not answer.</summary>
internal sealed record RatingResult(IReadOnlyList<CarrierRate> Rates, IReadOnlyList<RatingFailure> Failures);

/// <summary>
/// Asks every carrier at once within one budget (<see cref="CarrierSettings.RatingBudget"/>, 2 s): a carrier that times
/// out or fails is left out and named in <see cref="RatingResult.Failures"/>. Alcohol rules apply here, whatever a
/// carrier answers: a carrier that may not carry wine is not asked, and wine always rates with adult signature.
/// </summary>
internal sealed partial class ShippingRates(IEnumerable<ICarrierRates> carriers, CarrierCatalog catalog, IOptions<CarrierSettings> settings, ILogger<ShippingRates> logger)
{
    public async Task<RatingResult> RateAllAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var budget = settings.Value.RatingBudget;
        var asked = request with { AdultSignature = CarrierCatalog.AdultSignatureRequired(request.ContainsAlcohol, request.AdultSignature) };
        var eligible = carriers.Where(c => !request.ContainsAlcohol || catalog.CanCarryAlcohol(c.Carrier)).ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        var started = Stopwatch.GetTimestamp();
        var answers = await Task.WhenAll(eligible.Select(carrier => AskAsync(carrier, asked, budget, deadline.Token, cancellationToken)));
        var rates = answers.SelectMany(a => a.Rates)
            .Where(r => !request.ContainsAlcohol || catalog.CanCarryAlcohol(r.Carrier))
            .OrderBy(r => r.Amount).ThenBy(r => r.TransitDays).ThenBy(r => r.Carrier)
            .ToList();
        var failures = answers.Where(a => a.Failure is not null).Select(a => a.Failure!).ToList();
        LogRated(rates.Count, eligible.Count, failures.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new RatingResult(rates, failures);
    }

    /// <summary>
    /// Carrier selection: the cheapest rate that arrives within <paramref name="maxTransitDays"/> business days (any,
    /// when null) and obeys the alcohol rules; null when none does. Ties go to the faster service.
    /// </summary>
    public async Task<CarrierRate?> CheapestAsync(RateRequest request, int? maxTransitDays, CancellationToken cancellationToken)
    {
        var result = await RateAllAsync(request, cancellationToken);
        return result.Rates.FirstOrDefault(r => maxTransitDays is not { } max || r.TransitDays <= max);
    }

    private async Task<(IReadOnlyList<CarrierRate> Rates, RatingFailure? Failure)> AskAsync(
        ICarrierRates carrier, RateRequest request, TimeSpan budget, CancellationToken deadline, CancellationToken caller)
    {
        try
        {
            // WaitAsync ends the wait at the budget even when an adapter ignores its token.
            var rates = await carrier.RateAsync(request, deadline).WaitAsync(budget, caller);
            return (rates.Where(r => r.Carrier == carrier.Carrier).ToList(), null);
        }
        catch (Exception e) when (!caller.IsCancellationRequested && e is TimeoutException or OperationCanceledException)
        {
            LogCarrierFailed(e, carrier.Carrier, "timed out");
            // The adapter's own per-call time-out names itself; the budget's (WaitAsync, the deadline) does not.
            var reason = e is TimeoutException { InnerException: not null } ? e.Message : $"timed out after {budget.TotalSeconds:0.#} s";
            return ([], new RatingFailure(carrier.Carrier, reason));
        }
        catch (Exception e) when (!caller.IsCancellationRequested)
        {
            LogCarrierFailed(e, carrier.Carrier, e.Message);
            return ([], new RatingFailure(carrier.Carrier, e is CarrierApiException ? e.Message : $"failed: {e.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rated: {Rates} rate(s) from {Carriers} carrier(s), {Failures} failed, in {Milliseconds:0} ms")]
    private partial void LogRated(int rates, int carriers, int failures, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier {Carrier} left out of a rating: {Reason}")]
    private partial void LogCarrierFailed(Exception exception, Carrier carrier, string reason);
}
