using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Admin.Controllers;

/// <summary>
/// The central audit log: every staff and API action, searchable by actor, action or text, subject and dates, newest
/// first. Compliance and Customer Service may read it with personal data masked; only an Admin sees it in full.
/// </summary>
[Area("Admin")]
[Route("admin/audit")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = ReadRoles)]
public sealed class AuditController(AuditLog log) : Controller
{
    public const string ReadRoles = $"{StaffRoles.Admin},{StaffRoles.Compliance},{StaffRoles.CustomerService}";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? actor, string? q, string? subject, DateOnly? from, DateOnly? to, int page = 1, CancellationToken cancellationToken = default) =>
        View(await log.SearchAsync(new AuditSearch(actor, q, subject, from, to, page), showPersonalData: User.IsInRole(StaffRoles.Admin), cancellationToken));
}
