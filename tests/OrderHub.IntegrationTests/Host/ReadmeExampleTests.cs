using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>
/// The README's order example works on a machine without <c>uuidgen</c>: its Idempotency-Key expression expands to a
/// non-empty key in a plain shell, and its body, with that key, places an order (201) on a host with the demo data.
/// </summary>
public abstract partial class ReadmeExampleTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_readme_order_example_needs_no_uuidgen_and_places_an_order()
    {
        fixture.RequireProvider();
        var readme = await File.ReadAllTextAsync(FindReadme(), Ct);
        readme.ShouldNotContain("uuidgen");

        var example = OrderExample().Match(readme);
        example.Success.ShouldBeTrue("README.md has no `curl ... /api/v1/orders ... -d '...'` order example");
        var key = await ExpandInShellAsync(example.Groups["key"].Value);
        key.ShouldNotBeNullOrWhiteSpace();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new StringContent(example.Groups["body"].Value, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        var response = await fixture.App.CreateApiClient().SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
    }

    [GeneratedRegex("""curl -s -X POST http://localhost:5080/api/v1/orders .*?-H "Idempotency-Key: (?<key>[^"]*)".*?-d '(?<body>[^']*)'""", RegexOptions.Singleline)]
    private static partial Regex OrderExample();

    /// <summary>What a POSIX shell makes of the header value (e.g. <c>demo-order-$(date +%s)</c>).</summary>
    private static async Task<string> ExpandInShellAsync(string value)
    {
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"printf '%s' \"{value}\""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await shell.StandardOutput.ReadToEndAsync(Ct);
        var errors = await shell.StandardError.ReadToEndAsync(Ct);
        await shell.WaitForExitAsync(Ct);
        shell.ExitCode.ShouldBe(0, errors);
        errors.ShouldBeEmpty();
        return output;
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "OrderHub.sln")))
            {
                return path;
            }
        }

        throw new FileNotFoundException("README.md next to OrderHub.sln, above the test binaries");
    }
}

public sealed class ReadmeExampleTestsOnSqlite(SqliteHostFixture fixture) : ReadmeExampleTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ReadmeExampleTestsOnPostgres(PostgresHostFixture fixture) : ReadmeExampleTests(fixture), IClassFixture<PostgresHostFixture>;
