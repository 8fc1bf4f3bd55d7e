using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.GetComplianceReport;

/// <summary>
/// Counts the decisions that stand as shipments: approved, alcohol, not carry-out, not superseded by a later decision
/// of the same order and not released by a cancellation. Sums are made in memory (SQLite cannot sum decimals).
/// </summary>
internal sealed class GetComplianceReportHandler(ComplianceDbContext db) : IQueryHandler<GetComplianceReportQuery, ComplianceReportDto>
{
    public async ValueTask<ComplianceReportDto> Handle(GetComplianceReportQuery query, CancellationToken cancellationToken)
    {
        var state = string.IsNullOrWhiteSpace(query.State) ? null : query.State.Trim().ToUpperInvariant();
        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.CountsTowardLimits && d.OrderDate >= query.From && d.OrderDate <= query.To && (state == null || d.StateCode == state))
            .Select(d => new { d.OrderDate, d.StateCode, d.VolumeMl, d.AlcoholValueCents })
            .ToListAsync(cancellationToken);
        var grouped = rows
            .GroupBy(r => (Period: r.OrderDate.ToString("yyyy-MM", CultureInfo.InvariantCulture), State: r.StateCode ?? "-"))
            .OrderBy(g => g.Key.Period, StringComparer.Ordinal).ThenBy(g => g.Key.State, StringComparer.Ordinal)
            .Select(g => new ComplianceReportRowDto(g.Key.Period, g.Key.State, g.Count(), g.Sum(r => (long)r.VolumeMl) / 1000m, g.Sum(r => r.AlcoholValueCents) / 100m))
            .ToList();
        return new ComplianceReportDto(query.From, query.To, state, grouped, grouped.Sum(r => r.Shipments), grouped.Sum(r => r.VolumeLitres), grouped.Sum(r => r.Value));
    }
}
