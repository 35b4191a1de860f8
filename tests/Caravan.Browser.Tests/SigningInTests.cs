using System.Text.RegularExpressions;
using Caravan.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>People sign in in the browser: an officer with an authenticator code, a trader with a password.</summary>
public sealed class SigningInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static ILocator MainNavigation(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true });

    private static async Task SignInAsync(IPage page, DemoPerson person)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(DemoPerson.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task An_officer_signs_in_with_an_authenticator_code_and_sees_the_country_s_organisations()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;

        await SignInAsync(page, DemoPerson.OfficerKz);
        await Expect(page).ToHaveURLAsync(new Regex("/account/second-factor"));
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(DemoPerson.OfficerKz.AuthenticatorKey!, TimeProvider.System.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Nurlan Officer");
        await Expect(page.GetByTestId("grant")).ToHaveTextAsync("Customs officer · KZ");
        var nav = MainNavigation(page);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Organisations (KZ)", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "People and grants" })).ToHaveCountAsync(0);

        await nav.GetByRole(AriaRole.Link, new() { Name = "Organisations (KZ)", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Steppe Cotton LLP (demo)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Tianshan Textiles Co., Ltd. (demo)" })).ToHaveCountAsync(0);
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_trader_signs_in_with_a_password_and_sees_only_its_own_organisation()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;

        await SignInAsync(page, DemoPerson.TraderCn);

        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Wang Trader");
        await Expect(page.GetByTestId("grant")).ToHaveTextAsync("Trader · own organisation");
        var nav = MainNavigation(page);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My organisation", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Organisations (KZ)" })).ToHaveCountAsync(0);

        await nav.GetByRole(AriaRole.Link, new() { Name = "My organisation", Exact = true }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Tianshan Textiles Co., Ltd. (demo)" })).ToBeVisibleAsync();
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_saying_whether_the_account_exists()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail").FillAsync("nobody@demo.caravan");
        await page.GetByLabel("Password").FillAsync("not-the-password-1A");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The e-mail address or the password is wrong. After five failed attempts an account is locked for 15 minutes.");
        session.AssertNoConsoleErrors(new Regex("status of 400"));
    }
}
