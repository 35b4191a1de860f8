using System.Text.RegularExpressions;
using Caravan.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>Signing a demo person in through the form, with the authenticator code where the role needs one.</summary>
internal static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, DemoPerson person)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(DemoPerson.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        if (person.AuthenticatorKey is { } key)
        {
            await Expect(page).ToHaveURLAsync(new Regex("/account/second-factor"));
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key, TimeProvider.System.GetUtcNow()));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        }

        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }
}
