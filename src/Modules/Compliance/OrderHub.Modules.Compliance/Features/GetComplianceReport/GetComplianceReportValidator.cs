using FluentValidation;

namespace OrderHub.Modules.Compliance.Features.GetComplianceReport;

internal sealed class GetComplianceReportValidator : AbstractValidator<GetComplianceReportQuery>
{
    public GetComplianceReportValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("'to' must not be before 'from'.");
        RuleFor(q => q.State).Matches("^[A-Za-z]{2}$").When(q => !string.IsNullOrEmpty(q.State)).WithMessage("State is a two-letter code such as TX.");
    }
}
