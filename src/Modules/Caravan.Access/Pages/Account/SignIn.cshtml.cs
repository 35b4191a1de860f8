using Caravan.Access.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Caravan.Access.Pages.Account;

[EnableRateLimiting(AccessModule.SignInRateLimit)]
internal sealed class SignInModel(SignInManager<CaravanUser> signIn, IStringLocalizer<AccessStrings> t) : PageModel
{
    /// <summary>A hash to verify against when the address is unknown, so that an unknown address takes as long as a known one.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<CaravanUser>().HashPassword(new CaravanUser { DisplayName = "-" }, "not-a-password"));

    public string? Error { get; private set; }

    public string? Email { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturn(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = SafeReturn(returnUrl);
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = t["signin.missing"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new CaravanUser { DisplayName = "-" }, DummyHash.Value, password);
            Error = t["signin.failed"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SecondFactor", new { returnUrl = ReturnUrl });
        }

        // The same words for an unknown address, a wrong password and a locked account: no one learns who has an account.
        Error = t["signin.failed"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A path on this site, or the home page: never a redirect elsewhere, never a path LocalRedirect refuses.</summary>
    internal static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
