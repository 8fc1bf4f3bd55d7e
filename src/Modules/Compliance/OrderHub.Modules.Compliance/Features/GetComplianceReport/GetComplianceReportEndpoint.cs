using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Compliance.Features.GetComplianceReport;

internal static class GetComplianceReportEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/report", HandleAsync)
            .WithName("GetComplianceReport")
            .WithSummary("Shipments, volume (litres) and value per month and state between two order dates (default: this year). CSV with format=csv or Accept: text/csv.")
            .Produces<ComplianceReportDto>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        HttpContext http, DateOnly? from, DateOnly? to, string? state, string? format, ISender sender, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var report = await sender.Send(new GetComplianceReportQuery(from ?? new DateOnly(today.Year, 1, 1), to ?? today, state), cancellationToken);
        var wantsCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (!wantsCsv)
        {
            return TypedResults.Ok(report);
        }

        var inv = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("period,state,shipments,volume_litres,value\r\n");
        foreach (var r in report.Rows)
        {
            csv.Append(inv, $"{r.Period},{r.State},{r.Shipments},{r.VolumeLitres.ToString("0.###", inv)},{r.Value.ToString("0.00", inv)}\r\n");
        }

        var name = $"compliance-report-{report.From.ToString("yyyyMMdd", inv)}-{report.To.ToString("yyyyMMdd", inv)}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", name);
    }
}
