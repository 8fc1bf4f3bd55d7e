using System.Reflection;
using OrderHub.Web.Infrastructure;
using Serilog;

// A plain start-up logger on the console (not a reloadable bootstrap logger): several hosts may share one process in
// tests, so each host logs through its own pipeline (AddSerilog preserves this one) and this one writes the fatal lines.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOrderHub();

    var app = builder.Build();
    app.ValidateSettings();
    app.UseOrderHub();
    await app.PrepareDatabaseAsync();
    app.Services.ScheduleRecurringJobs();
    await app.RunAsync();
    return 0;
}
catch (InvalidSettingsException ex)
{
    // One line an operator can act on (it names each key and what to set); a stack trace would add nothing.
    Log.Fatal("{Problem:l}", ex.Message);
    if (Assembly.GetEntryAssembly() == typeof(Program).Assembly)
    {
        return 1;
    }

    // Started by a test factory (WebApplicationFactory runs this entry point itself): let it see the exception.
    throw;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "OrderHub stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}
