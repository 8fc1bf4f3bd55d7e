using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OrderHub.Web.Access;
using OrderHub.Web.Infrastructure;

namespace OrderHub.Web.Controllers;

public sealed class SignInForm
{
    [Required, EmailAddress]
    public string Email { get; set; } = string.Empty;

    [Required, DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

/// <summary>Back-office sign-in and sign-out (ASP.NET Core Identity, cookie).</summary>
[Route("account")]
public sealed class AccountController(SignInManager<StaffUser> signIn, ILogger<AccountController> logger) : Controller
{
    /// <summary>The one answer to every failed sign-in: unknown email, wrong password or disabled account.</summary>
    public const string FailedMessage = "Email or password is wrong.";

    [HttpGet("login"), AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("login"), AllowAnonymous, ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // No lockout on failure: repeated attempts are throttled per address and per account (SignInThrottling).
        var result = await signIn.PasswordSignInAsync(form.Email, form.Password, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            // The typed email is not logged (it may be a password typed in the wrong box, or tell who is being tried):
            // its hash lets staff match attempts on one account. One message for every failure, so the page does not
            // tell whether the account exists or is disabled.
            logger.LogWarning(
                "Failed back-office sign-in for account {AccountHash} (disabled: {Disabled}, not allowed: {NotAllowed})",
                SignInThrottling.AccountHash(form.Email), result.IsLockedOut, result.IsNotAllowed);
            ModelState.AddModelError(string.Empty, FailedMessage);
            return View(form);
        }

        logger.LogInformation("Staff {Email} signed in", form.Email);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
    }

    [HttpPost("logout"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
