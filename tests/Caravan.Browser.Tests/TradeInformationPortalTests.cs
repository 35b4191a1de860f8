using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>
/// Issue 8 in a browser: a visitor searches the trade information portal in English, Russian and Chinese, reaches
/// the heading's page with each country's duties and required documents (marked illustrative), and calculates the
/// duties for one national line from there.
/// </summary>
public sealed class TradeInformationPortalTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"tariff-{name}.png"), FullPage = true });
    }

    [Theory]
    [InlineData("cotton yarn", "en")]
    [InlineData("хлопковая пряжа", "ru")]
    [InlineData("棉纱", "zh")]
    public async Task A_search_in_each_language_reaches_the_heading_with_its_duties_and_requirements(string query, string language)
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/tariff");
        await Expect(page.GetByTestId("illustrative-banner")).ToBeVisibleAsync();

        await page.GetByLabel("Goods or HS code").FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var results = page.GetByTestId("tariff-results");
        await Expect(results).ToBeVisibleAsync();
        await ShotAsync(page, $"search-{language}");
        await results.Locator("a[href='/tariff/hs/5205']").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/tariff/hs/5205$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("5205");
        await Expect(page.GetByTestId("lines-KZ")).ToContainTextAsync("5205120000");
        await Expect(page.GetByTestId("lines-KZ")).ToContainTextAsync("5%");
        await Expect(page.GetByTestId("lines-CN")).ToContainTextAsync("52051200");
        await Expect(page.GetByTestId("requirements-UZ")).ToContainTextAsync("Certificate of origin");
        await Expect(page.GetByTestId("illustrative-banner")).ToBeVisibleAsync();
        await ShotAsync(page, $"heading-{language}");

        // From the heading to the calculator, for Kazakhstan's line.
        await page.GetByTestId("lines-KZ").GetByRole(AriaRole.Link, new() { Name = "Calculate duties for it" }).ClickAsync();
        await Expect(page.GetByLabel("Tariff line or HS code")).ToHaveValueAsync("5205120000");
        await page.GetByLabel("Country of origin").FillAsync("CN");
        await page.GetByLabel("Customs value").FillAsync("10000");
        await page.GetByLabel("Date").FillAsync("2026-11-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("total")).ToHaveTextAsync("1,122,700.00 KZT");
        await ShotAsync(page, $"calculation-{language}");
        session.AssertNoConsoleErrors();
    }
}
