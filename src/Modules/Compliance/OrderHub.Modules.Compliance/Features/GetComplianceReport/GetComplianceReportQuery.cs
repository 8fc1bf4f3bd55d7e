using Mediator;

namespace OrderHub.Modules.Compliance.Features.GetComplianceReport;

/// <summary>Shipments that count under state law, per calendar month and destination state, between two order dates.</summary>
internal sealed record GetComplianceReportQuery(DateOnly From, DateOnly To, string? State) : IQuery<ComplianceReportDto>;

internal sealed record ComplianceReportRowDto(string Period, string State, int Shipments, decimal VolumeLitres, decimal Value);

internal sealed record ComplianceReportDto(DateOnly From, DateOnly To, string? State, IReadOnlyList<ComplianceReportRowDto> Rows, int TotalShipments, decimal TotalVolumeLitres, decimal TotalValue);
