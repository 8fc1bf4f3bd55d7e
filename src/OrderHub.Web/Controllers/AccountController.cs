using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OrderHub.Web.Access;

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
    [HttpGet("login"), AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("login"), AllowAnonymous, ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(form.Email, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            logger.LogWarning("Failed back-office sign-in for {Email} (locked out: {LockedOut})", form.Email, result.IsLockedOut);
            ModelState.AddModelError(string.Empty, result.IsLockedOut ? "Too many attempts; try again later." : "Email or password is wrong.");
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
    public IActionResult Denied() => View();
}
