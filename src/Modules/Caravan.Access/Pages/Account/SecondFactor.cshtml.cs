using Caravan.Access.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Caravan.Access.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or a one-time recovery code.</summary>
[EnableRateLimiting(AccessModule.SignInRateLimit)]
internal sealed class SecondFactorModel(SignInManager<CaravanUser> signIn, IStringLocalizer<AccessStrings> t) : PageModel
{
    public string? Error { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInModel.SafeReturn(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = SignInModel.SafeReturn(returnUrl);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync((code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        return Outcome(result);
    }

    public async Task<IActionResult> OnPostRecoveryAsync(string? recoveryCode, string? returnUrl)
    {
        ReturnUrl = SignInModel.SafeReturn(returnUrl);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync((recoveryCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));
        return Outcome(result);
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        Error = result.IsLockedOut ? t["signin.locked"] : t["2fa.failed"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
