using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OrderHub.Modules.Shipping.Carriers;

/// <summary>
/// What the UPS and FedEx adapters share: an OAuth client-credentials token kept until shortly before it expires, the
/// resilience pipelines (rating: a timeout per attempt and one retry on a transient failure; shipping: a timeout only,
/// since a label bought twice is paid twice) and tolerant JSON reading (a carrier may send one object or an array).
/// </summary>
internal abstract class CarrierHttp(IHttpClientFactory httpClients, CarrierAccountOptions account, TimeProvider clock) : IDisposable
{
    /// <summary>A token is renewed this long before the carrier says it expires.</summary>
    private static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _token;
    private ResiliencePipeline? _ratePipeline;
    private ResiliencePipeline? _shipPipeline;

    public abstract Carrier Carrier { get; }

    public void Dispose()
    {
        _tokenGate.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The named client <c>OrderHub.Shipping.&lt;carrier&gt;</c> (the factory rotates its handlers; this adapter is a singleton for its token).</summary>
    protected HttpClient Http => httpClients.CreateClient(ClientName(Carrier));

    protected CarrierAccountOptions Account { get; } = account;

    public static string ClientName(Carrier carrier) => $"OrderHub.Shipping.{carrier}";

    protected Uri Url(string path) => new(Account.BaseUrl!.TrimEnd('/') + path);

    /// <summary>Rating: each attempt within <see cref="CarrierAccountOptions.RateTimeout"/>; one retry after a transient failure.</summary>
    protected ResiliencePipeline RatePipeline => _ratePipeline ??= new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 1,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Constant,
            ShouldHandle = new PredicateBuilder().Handle<CarrierApiException>(e => e.IsTransient).Handle<HttpRequestException>(),
        })
        .AddTimeout(Account.RateTimeout)
        .Build();

    /// <summary>Shipping: a timeout only. The job that buys the label retries with the same idempotency reference.</summary>
    protected ResiliencePipeline ShipPipeline => _shipPipeline ??= new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddTimeout(Account.ShipTimeout)
        .Build();

    /// <summary>Runs <paramref name="call"/> through <paramref name="pipeline"/>; a Polly time-out becomes a <see cref="TimeoutException"/> naming the carrier.</summary>
    protected async Task<T> RunAsync<T>(ResiliencePipeline pipeline, string operation, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(call, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"{Carrier} {operation} timed out after {e.Timeout.TotalSeconds:0.#} s", e);
        }
    }

    /// <summary>POSTs <paramref name="body"/> as JSON with the bearer token; a 401 renews the token once. Non-2xx throws <see cref="CarrierApiException"/>.</summary>
    protected async Task<JsonElement> PostJsonAsync(string operation, string path, JsonNode body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", token);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await Http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                _token = null;
                continue;
            }

            return await ReadAsync(operation, response, cancellationToken);
        }
    }

    /// <summary>The carrier's token request (its URL, headers and form).</summary>
    protected abstract HttpRequestMessage TokenRequest();

    /// <summary>The carrier's error code and message out of an error body, or null when the body has none.</summary>
    protected abstract (string? Code, string Message)? ErrorOf(JsonElement body);

    protected async Task<JsonElement> ReadAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): reported below with the start of the text.
        }

        if (response.IsSuccessStatusCode && json is { } ok)
        {
            return ok;
        }

        var error = json is { } body ? ErrorOf(body) : null;
        var message = error?.Message ?? (text.Length > 200 ? text[..200] : text);
        throw new CarrierApiException(Carrier, operation, response.StatusCode, error?.Code, string.IsNullOrWhiteSpace(message) ? response.ReasonPhrase ?? "no answer" : message);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.ExpiresAt > clock.GetUtcNow())
        {
            return cached.Token;
        }

        await _tokenGate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && again.ExpiresAt > clock.GetUtcNow())
            {
                return again.Token;
            }

            using var request = TokenRequest();
            using var response = await Http.SendAsync(request, cancellationToken);
            var body = await ReadAsync("token", response, cancellationToken);
            var token = String(body, "access_token") ?? throw new CarrierApiException(Carrier, "token", response.StatusCode, null, "no access_token in the answer");
            var lifetime = TimeSpan.FromSeconds((double)(Number(body, "expires_in") ?? 3600m));
            _token = (token, clock.GetUtcNow() + (lifetime > ExpirySkew * 2 ? lifetime - ExpirySkew : lifetime / 2));
            return token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    /// <summary>One object or an array of them, as a list (UPS sends either).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
        { ValueKind: JsonValueKind.Object } one => [one],
        _ => [],
    };

    /// <summary>The property at <paramref name="path"/> (through objects; an array takes its first item), or null.</summary>
    public static JsonElement? At(JsonElement? element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current is { ValueKind: JsonValueKind.Array } array)
            {
                current = array.GetArrayLength() > 0 ? array[0] : null;
            }

            if (current is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string? String(JsonElement? element, params string[] path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    /// <summary>A number sent as a number or as a string ("18.39"), invariant culture.</summary>
    public static decimal? Number(JsonElement? element, params string[] path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDecimal(),
        { ValueKind: JsonValueKind.String } s when decimal.TryParse(s.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>Pounds to one decimal, rounded up, as carriers take a package weight.</summary>
    public static string Pounds(int grams) => (Math.Ceiling(grams / 453.59237m * 10m) / 10m).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A side in whole inches (nearest), at least one.</summary>
    public static string InchesText(int centimetres) => Math.Max(1m, Rating.RateCalculator.Inches(centimetres)).ToString("0", CultureInfo.InvariantCulture);
}
