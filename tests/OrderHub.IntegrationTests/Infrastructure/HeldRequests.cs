using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using Shouldly;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>A checkout held in flight over real HTTP: the host has its headers and waits for its body.</summary>
public static class HeldRequests
{
    /// <summary>
    /// Sends a valid order whose body goes only once <paramref name="bodyReleased"/> completes, and returns when the host
    /// counts it as in flight (<see cref="RequestsFirst"/>); await the result for the answer.
    /// </summary>
    public static async Task<Task<HttpResponseMessage>> StartCheckoutAsync(OrderHubApp app, HttpClient client, Task bodyReleased, CancellationToken ct)
    {
        var requestsFirst = app.Services.GetRequiredService<RequestsFirst>();
        var before = requestsFirst.RequestsInFlight;
        var json = JsonSerializer.SerializeToUtf8Bytes(Orders.ValidBody(), JsonSerializerOptions.Web);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new HeldContent(json, bodyReleased) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var answer = SendAsync(client, request, ct);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (requestsFirst.RequestsInFlight <= before)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the request never reached the host");
            await Task.Delay(20, ct);
        }

        return answer;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            var response = await client.SendAsync(request, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            return response;
        }
    }

    /// <summary>A JSON body sent only once its release completes (streamed, so the headers go first).</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly byte[] _json;
        private readonly Task _released;

        public HeldContent(byte[] json, Task released)
        {
            (_json, _released) = (json, released);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await _released;
            await stream.WriteAsync(_json);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
