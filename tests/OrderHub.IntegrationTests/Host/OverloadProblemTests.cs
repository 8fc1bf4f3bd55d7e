using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>
/// A host short of memory (a burst under a container's heap cap: a 64 MB cap did this at 64 clients) answers 503 with
/// Retry-After, not a bare 500: the client's retry with the same Idempotency-Key is safe and usually succeeds.
/// </summary>
public sealed class OverloadProblemTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Out_of_memory_is_a_503_problem_asking_for_a_retry()
    {
        fixture.RequireProvider();
        using var scope = fixture.App.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/api/v1/orders";
        context.Response.Body = new MemoryStream();
        var handler = new ProblemDetailsExceptionHandler(
            scope.ServiceProvider.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemDetailsExceptionHandler>.Instance);

#pragma warning disable CA2201 // the runtime's own exception, raised by hand to see how the host answers it
        var outOfMemory = new OutOfMemoryException();
#pragma warning restore CA2201
        (await handler.TryHandleAsync(context, outOfMemory, TestContext.Current.CancellationToken)).ShouldBeTrue();

        context.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        context.Response.Headers.RetryAfter.ToString().ShouldBe("1");
        context.Response.Body.Position = 0;
        var problem = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(503);
        problem.RootElement.GetProperty("title").GetString()!.ShouldContain("Idempotency-Key");
        ProblemDetailsExceptionHandler.Map(new InvalidOperationException()).Status.ShouldBe(StatusCodes.Status500InternalServerError);
    }
}
