using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Web.Access;

namespace OrderHub.Web.Infrastructure;

/// <summary>A setting the host cannot run with. The message is one line naming each key and what to set.</summary>
public sealed class InvalidSettingsException(IEnumerable<string> problems)
    : Exception("OrderHub cannot start: " + string.Join(" ", problems.Distinct()));

/// <summary>
/// Every setting is checked before the host touches the database or takes traffic (options with <c>ValidateOnStart</c>,
/// registered by the host and by each module), so a wrong or missing key stops the start with one line instead of
/// failing a request later.
/// </summary>
internal static class StartupSettings
{
    /// <summary>Binds a section the composition needs at once, turning a value of the wrong type into a settings problem.</summary>
    public static T BindNow<T>(this IConfiguration configuration, string sectionName)
        where T : new()
    {
        try
        {
            return configuration.GetSection(sectionName).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidSettingsException([ex.Message]);
        }
    }

    public static IServiceCollection AddHostSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsCheck>();

        const string outbox = OutboxOptions.SectionName;
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(outbox))
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{outbox}:PollInterval must be positive: set it to a duration such as 00:00:01.")
            .Validate(o => o.ClaimLease > TimeSpan.Zero, $"{outbox}:ClaimLease must be positive: set it to a duration such as 00:00:30.")
            .Validate(o => o.MaxRetryDelay > TimeSpan.Zero, $"{outbox}:MaxRetryDelay must be positive: set it to a duration such as 00:10:00.")
            .Validate(o => o.Retention > TimeSpan.Zero, $"{outbox}:Retention must be positive: set it to a duration such as 7.00:00:00.")
            .Validate(o => o.BatchSize >= 1, $"{outbox}:BatchSize must be at least 1.")
            .Validate(o => o.MaxParallelDeliveries >= 1, $"{outbox}:MaxParallelDeliveries must be at least 1.")
            .Validate(o => o.MaxParallelRemoteSteps >= 1, $"{outbox}:MaxParallelRemoteSteps must be at least 1.")
            .Validate(o => o.MaxBackgroundDeliveriesWhileServing >= 1, $"{outbox}:MaxBackgroundDeliveriesWhileServing must be at least 1.")
            .Validate(o => o.MaxPacedStepsWhileServing >= 1, $"{outbox}:MaxPacedStepsWhileServing must be at least 1.")
            .ValidateOnStart();

        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName))
            .Validate(o => !o.RunServer || o.WorkerCount >= 1, $"{JobsOptions.SectionName}:WorkerCount must be at least 1: set it, or set {JobsOptions.SectionName}:RunServer to false.")
            .ValidateOnStart();

        const string bootstrap = BootstrapOptions.SectionName;
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(bootstrap))
            .Validate(
                o => string.IsNullOrWhiteSpace(o.AdminEmail) == string.IsNullOrWhiteSpace(o.AdminPassword),
                $"{bootstrap}:AdminEmail and {bootstrap}:AdminPassword go together: set both (or neither).")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.AdminPassword) || o.AdminPassword.Length >= StaffPasswords.MinimumLength,
                $"{bootstrap}:AdminPassword is too short: set one of at least {StaffPasswords.MinimumLength} characters.")
            .ValidateOnStart();

        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.SectionName));
        services.AddOptions<SwaggerSettings>().Bind(configuration.GetSection(SwaggerSettings.SectionName));
        return services;
    }

    /// <summary>Runs every start-up check now (before migrations and bootstrap), as one <see cref="InvalidSettingsException"/>.</summary>
    public static void ValidateSettings(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new InvalidSettingsException(ex.Failures);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException or InvalidOperationException))
        {
            throw new InvalidSettingsException(ex.InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]));
        }
        catch (InvalidOperationException ex)
        {
            // A value of the wrong type ("abc" for a duration): the binder's message names the key.
            throw new InvalidSettingsException([ex.Message]);
        }
    }

    /// <summary>The database check's line depends on the provider, so it is an <see cref="IValidateOptions{T}"/> of its own.</summary>
    private sealed class DatabaseOptionsCheck : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
