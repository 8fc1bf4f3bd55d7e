using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Admin.Controllers;

/// <summary>The create form as typed (never the password back), kept when it is refused.</summary>
public sealed record NewStaffUserForm(string? Email, string? DisplayName, IReadOnlyList<string> Roles);

public sealed record StaffUsersView(IReadOnlyList<StaffAccountDto> Users, NewStaffUserForm Form);

/// <summary>Staff users for the Admin: list, create with roles and a first password, change roles, reset a password, disable/enable.</summary>
[Area("Admin")]
[Route("admin/users")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = StaffRoles.Admin)]
public sealed class UsersController(StaffAccounts accounts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new StaffUsersView(await accounts.ListAsync(cancellationToken), new NewStaffUserForm(null, null, [])));

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(string? email, string? displayName, string? password, string[]? roles, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(email, displayName, password, roles ?? [], cancellationToken);
        if (!result.Succeeded)
        {
            ViewData["error"] = result.Error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), new StaffUsersView(await accounts.ListAsync(cancellationToken), new NewStaffUserForm(email, displayName, roles ?? [])));
        }

        TempData["notice"] = $"Created {email?.Trim()}; they can sign in now.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken) =>
        await accounts.FindAsync(id, cancellationToken) is { } user ? View(user) : NotFound();

    [HttpPost("{id}/roles"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Roles(string id, string[]? roles, CancellationToken cancellationToken) =>
        Done(id, await accounts.ChangeRolesAsync(id, roles ?? [], cancellationToken), "Roles saved.");

    [HttpPost("{id}/password"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Password(string id, string? password, CancellationToken cancellationToken) =>
        Done(id, await accounts.ResetPasswordAsync(id, password, cancellationToken), "Password reset; the user's open sessions have ended.");

    [HttpPost("{id}/disable"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Disable(string id, CancellationToken cancellationToken) =>
        Done(id, await accounts.SetDisabledAsync(id, disabled: true, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken), "Disabled: the user cannot sign in, and their open sessions have ended.");

    [HttpPost("{id}/enable"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Enable(string id, CancellationToken cancellationToken) =>
        Done(id, await accounts.SetDisabledAsync(id, disabled: false, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken), "Enabled: the user can sign in again.");

    private IActionResult Done(string id, AccessChange result, string notice)
    {
        if (!result.Succeeded && result.Error == "No such staff user.")
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "notice" : "error"] = result.Succeeded ? notice : result.Error;
        return RedirectToAction(nameof(Show), new { id });
    }
}
