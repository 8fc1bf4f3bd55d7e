namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>One host and database shared by a test class. Subclasses pick the provider.</summary>
public abstract class HostFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private OrderHubApp? _app;

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public string? UnavailableReason { get; private set; }

    public OrderHubApp App => _app ?? throw new InvalidOperationException(UnavailableReason ?? "Fixture not initialised.");

    public async ValueTask InitializeAsync()
    {
        (_database, UnavailableReason) = await CreateDatabaseAsync();
        if (_database is not null)
        {
            _app = CreateApp(_database);
            _ = _app.Server; // start the host: migrations, bootstrap and demo data run now
        }
    }

    protected abstract Task<(TestDatabase? Database, string? UnavailableReason)> CreateDatabaseAsync();

    protected virtual OrderHubApp CreateApp(TestDatabase database) => new(database);

    /// <summary>Call first in every test: skips, with the reason, where this provider has no server.</summary>
    public void RequireProvider()
    {
        if (UnavailableReason is not null)
        {
            Assert.Skip(UnavailableReason);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteHostFixture : HostFixture
{
    protected override Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((TestDatabase.CreateSqlite(), null));
}

public sealed class PostgresHostFixture : HostFixture
{
    protected override async Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is { } server
            ? (await TestDatabase.CreatePostgresAsync(server), null)
            : (null, $"No PostgreSQL server: set {TestDatabase.PostgresVariable} to an admin connection string (.ci/run starts one).");
}

/// <summary>A host that logs at Information (as production does) into <see cref="Logs"/>, for tests of what it logs.</summary>
public abstract class LoggedHostFixture : HostFixture
{
    public LogCapture Logs { get; } = new();

    protected override OrderHubApp CreateApp(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" }, Logs);
}

public sealed class SqliteLoggedHostFixture : LoggedHostFixture
{
    protected override Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((TestDatabase.CreateSqlite(), null));
}

public sealed class PostgresLoggedHostFixture : LoggedHostFixture
{
    protected override async Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is { } server
            ? (await TestDatabase.CreatePostgresAsync(server), null)
            : (null, $"No PostgreSQL server: set {TestDatabase.PostgresVariable} to an admin connection string (.ci/run starts one).");
}
