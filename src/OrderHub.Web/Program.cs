using OrderHub.Web.Infrastructure;
using Serilog;

// A plain start-up logger (not a reloadable bootstrap logger): several hosts may share one process in tests.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOrderHub();

    var app = builder.Build();
    app.UseOrderHub();
    await app.PrepareDatabaseAsync();
    app.Services.ScheduleRecurringJobs();
    await app.RunAsync();
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
