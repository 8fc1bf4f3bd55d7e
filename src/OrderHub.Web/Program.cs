using OrderHub.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

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
