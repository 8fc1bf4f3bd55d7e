using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.Modules.Compliance.Features.Rules;

namespace OrderHub.Web.Areas.Compliance.Controllers;

/// <summary>The state law table for the Compliance role: read every rule, correct one (a new, audited version).</summary>
[Area("Compliance")]
[Route("compliance/rules")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,Compliance")]
public sealed class RulesController(ISender sender) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new GetComplianceRulesQuery(), cancellationToken));

    [HttpGet("{state}")]
    public async Task<IActionResult> Edit(string state, CancellationToken cancellationToken) =>
        View(await sender.Send(new GetComplianceRuleQuery(state.ToUpperInvariant()), cancellationToken));

    [HttpPost("{state}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(string state, string? dtc, string? limits, string? adultSignature, string? conditions, string? reason, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new UpdateComplianceRuleCommand
            {
                StateCode = state.ToUpperInvariant(),
                Actor = $"staff:{User.Identity?.Name}",
                Dtc = dtc,
                Limits = limits?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                AdultSignature = adultSignature,
                Conditions = conditions,
                Reason = reason,
            }, cancellationToken);
        }
        catch (FluentValidation.ValidationException ex)
        {
            TempData["error"] = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage));
        }

        return RedirectToAction(nameof(Edit), new { state });
    }
}
