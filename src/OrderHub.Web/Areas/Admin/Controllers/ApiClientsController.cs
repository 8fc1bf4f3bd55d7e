using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Admin.Controllers;

public sealed record ApiClientsView(IReadOnlyList<ApiClientDto> Clients, string? Name, IReadOnlyList<string> Scopes);

/// <summary>API clients for the Admin: list, create with chosen scopes (the key shown once), revoke.</summary>
[Area("Admin")]
[Route("admin/api-clients")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = StaffRoles.Admin)]
public sealed class ApiClientsController(ApiClientRegistry registry) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ApiClientsView(await registry.ListAsync(cancellationToken), null, []));

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(string? name, string[]? scopes, CancellationToken cancellationToken)
    {
        var (created, error) = await registry.CreateAsync(name, scopes ?? [], cancellationToken);
        if (created is null)
        {
            ViewData["error"] = error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), new ApiClientsView(await registry.ListAsync(cancellationToken), name, scopes ?? []));
        }

        // The key is in this answer only: never cached, never stored (only its hash is).
        Response.Headers.CacheControl = "no-store";
        return View("Created", created);
    }

    [HttpPost("{id:guid}/revoke"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken)
    {
        var result = await registry.RevokeAsync(id, cancellationToken);
        if (!result.Succeeded && result.Error == "No such API client.")
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "notice" : "error"] = result.Succeeded ? "Revoked: the key is refused from now on." : result.Error;
        return RedirectToAction(nameof(Index));
    }
}
