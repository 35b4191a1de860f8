using System.Text;
using Caravan.Access.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Caravan.Access.Pages.Account;

/// <summary>
/// Setting up the authenticator app (TOTP, RFC 6238). Officers, analysts, issuers and administrators get no
/// permissions until they have done this; afterwards they receive ten one-time recovery codes.
/// </summary>
[Authorize]
internal sealed class EnrolModel(UserManager<CaravanUser> users, SignInManager<CaravanUser> signIn, IStringLocalizer<AccessStrings> t) : PageModel
{
    public string FormattedKey { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>True when the second factor is already on: the key is never shown again (a stolen session must not copy it).</summary>
    public bool AlreadyEnrolled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        AlreadyEnrolled = user.TwoFactorEnabled;
        if (!AlreadyEnrolled)
        {
            await ShowKeyAsync(user);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (user.TwoFactorEnabled)
        {
            AlreadyEnrolled = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var token = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token))
        {
            Error = t["enrol.wrong"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task ShowKeyAsync(CaravanUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        FormattedKey = formatted.ToString().TrimEnd().ToLowerInvariant();
        var uri = $"otpauth://totp/Caravan:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "user")}?secret={key}&issuer=Caravan&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
