using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>What a person sees and does in the pages, in a real Chromium against the real host on Kestrel.</summary>
public sealed partial class PagesInTheBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static ILocator MainNavigation(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = name, Exact = true });

    private static ILocator Heading1(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private static ILocator Link(ILocator scope, string name) =>
        scope.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static ILocator Link(IPage page, string name) =>
        page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static Regex Path(string path) => new("^https?://[^/]+" + Regex.Escape(path) + "$");

    [GeneratedRegex(@"^\d{2}:\d{2} \(UTC\+05:00\)$")]
    private static partial Regex KazakhTime();

    [GeneratedRegex(@"^\d{2}:\d{2} \(UTC\+08:00\)$")]
    private static partial Regex ChinaTime();

    /// <summary>Opens the Dostyk–Alashankou rail crossing the way a user does: filter the list, click the row.</summary>
    private static async Task OpenDostykFromTheListAsync(IPage page)
    {
        await page.GotoAsync("/crossings");
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kazakhstan" });
        await page.GetByLabel("Mode", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Rail" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/crossings\?country=KZ&mode=rail$"));

        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = Link(page, "CN-KZ-03") });
        await Expect(row).ToContainTextAsync("Dostyk");
        await Expect(row).ToContainTextAsync("Alashankou");
        await Link(row, "CN-KZ-03").ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/crossings/CN-KZ-03"));
    }

    [Fact]
    public async Task The_home_page_opens_with_its_heading_and_the_navigation()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response?.Status);
        await Expect(page).ToHaveTitleAsync(new Regex("Caravan"));
        await Expect(Heading1(page)).ToBeVisibleAsync();
        await Expect(Heading1(page)).ToContainTextAsync("Caravan");
        var nav = MainNavigation(page, "Main");
        await Expect(Link(nav, "Countries")).ToHaveAttributeAsync("href", "/countries");
        await Expect(Link(nav, "Border crossings")).ToHaveAttributeAsync("href", "/crossings");
        await Expect(Link(nav, "HS nomenclature")).ToHaveAttributeAsync("href", "/hs");
        foreach (var name in new[] { "Countries", "Border crossings", "HS nomenclature" })
        {
            await Expect(Link(nav, name)).ToBeVisibleAsync();
        }

        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_chosen_language_shows_at_once_and_sticks_across_pages()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        var html = page.Locator("html");
        await page.GotoAsync("/");
        await Expect(html).ToHaveAttributeAsync("lang", "en");

        // Chinese: the switch returns to the same page, now in Chinese.
        await page.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "zh-Hans");
        await Expect(page).ToHaveURLAsync(Path("/"));
        await Expect(Link(MainNavigation(page, "主导航"), "边境口岸")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        await Link(MainNavigation(page, "主导航"), "边境口岸").ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/crossings"));
        await Expect(html).ToHaveAttributeAsync("lang", "zh-Hans");
        await Expect(Heading1(page)).ToHaveTextAsync("边境口岸");

        // Russian, from the crossings page: stays on it, in Russian, and Russian sticks on the next page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Русский", Exact = true }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "ru");
        await Expect(page).ToHaveURLAsync(Path("/crossings"));
        await Expect(Heading1(page)).ToHaveTextAsync("Пункты пропуска");
        await Expect(Link(MainNavigation(page, "Главное меню"), "Пункты пропуска")).ToBeVisibleAsync();

        await Link(MainNavigation(page, "Главное меню"), "Номенклатура ГС").ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/hs"));
        await Expect(html).ToHaveAttributeAsync("lang", "ru");
        await Expect(Heading1(page)).ToHaveTextAsync("Номенклатура ГС");
        await Expect(Link(MainNavigation(page, "Главное меню"), "Пункты пропуска")).ToBeVisibleAsync();

        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_HS_nomenclature_is_browsed_by_clicking_from_section_to_subheading()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/hs");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^XI\s+Textiles") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/hs/sections/11"));
        await Expect(Heading1(page)).ToContainTextAsync("Textiles");

        await Link(page, "52").ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/hs/52"));
        await Expect(Heading1(page)).ToContainTextAsync("52");

        await Link(page, "5205").ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/hs/5205"));
        await Expect(Heading1(page)).ToContainTextAsync("5205");
        await Expect(Heading1(page)).ToContainTextAsync("Heading");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subheadings", Exact = true })).ToBeVisibleAsync();
        await Expect(Link(page, "520512")).ToBeVisibleAsync();

        var breadcrumb = page.GetByRole(AriaRole.Navigation, new() { Name = "You are here", Exact = true });
        await Expect(breadcrumb).ToContainTextAsync("Section XI");
        await Link(breadcrumb, "52").ClickAsync();
        await Expect(page).ToHaveURLAsync(Path("/hs/52"));
        await Expect(Heading1(page)).ToContainTextAsync("52");
        await Expect(Heading1(page)).ToContainTextAsync("Chapter");

        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Searching_HS_by_words_lists_the_heading_and_an_exact_code_opens_its_page()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/hs");

        var search = page.GetByRole(AriaRole.Search);
        await search.GetByLabel("Search HS 2022 by words or code").FillAsync("cotton yarn");
        await search.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/hs\?q=cotton(\+|%20)yarn$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("“cotton yarn”");
        await Expect(Link(page, "5205")).ToBeVisibleAsync();

        search = page.GetByRole(AriaRole.Search);
        await Expect(search.GetByLabel("Search HS 2022 by words or code")).ToHaveValueAsync("cotton yarn");
        await search.GetByLabel("Search HS 2022 by words or code").FillAsync("520512");
        await search.GetByLabel("Search HS 2022 by words or code").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Path("/hs/520512"));
        await Expect(Heading1(page)).ToContainTextAsync("520512");
        await Expect(Heading1(page)).ToContainTextAsync("Subheading");

        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_border_crossing_found_by_filter_shows_both_sides_their_local_times_and_a_map()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;

        await OpenDostykFromTheListAsync(page);

        await Expect(Heading1(page)).ToBeVisibleAsync();
        var sides = page.GetByRole(AriaRole.Table, new() { Name = "Both sides of the crossing" });
        var country = sides.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Country", Exact = true }) });
        await Expect(country.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["Kazakhstan", "China"]);
        var post = sides.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Border post", Exact = true }) });
        await Expect(post.GetByRole(AriaRole.Cell).First).ToContainTextAsync("Dostyk");
        await Expect(post.GetByRole(AriaRole.Cell).Last).ToContainTextAsync("Alashankou");

        // Same columns: side A is Kazakhstan (UTC+5 since March 2024), side B China (UTC+8).
        var time = sides.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Local time now", Exact = true }) });
        await Expect(time.GetByRole(AriaRole.Cell)).ToHaveCountAsync(2);
        await Expect(time.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(KazakhTime());
        await Expect(time.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync(ChinaTime());

        var map = page.GetByRole(AriaRole.Img, new() { Name = "Map of the border crossings that have coordinates" });
        await Expect(map).ToBeVisibleAsync();
        Assert.Equal("svg", await map.EvaluateAsync<string>("e => e.tagName.toLowerCase()"));
        await Expect(map.Locator("circle.hl")).ToHaveCountAsync(1);

        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_malformed_HS_code_in_the_address_says_what_is_wrong_and_an_unknown_one_is_not_found()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;

        var malformed = await page.GotoAsync("/hs/52x1");
        Assert.Equal(400, malformed?.Status);
        await Expect(Heading1(page)).ToHaveTextAsync("Error 400");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("position 3");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("'x'");
        await Expect(Link(page, "Back to the HS nomenclature")).ToBeVisibleAsync();

        var unknown = await page.GotoAsync("/hs/999998");
        Assert.Equal(404, unknown?.Status);
        await Expect(Heading1(page)).ToHaveTextAsync("Error 404");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("999998");

        // Chromium reports an error status of the document itself on the console; that is the point here.
        session.AssertNoConsoleErrors(
            new Regex(@"status of 400 \(Bad Request\) \(https?://[^/]+/hs/52x1[:)]"),
            new Regex(@"status of 404 \(Not Found\) \(https?://[^/]+/hs/999998[:)]"));
    }

    [Fact]
    public async Task A_full_page_screenshot_of_a_crossing_is_written()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await OpenDostykFromTheListAsync(page);
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Map of the border crossings that have coordinates" })).ToBeVisibleAsync();

        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = System.IO.Path.Combine(folder, "crossing-CN-KZ-03.png");
        File.Delete(file);
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });

        var info = new FileInfo(file);
        Assert.True(info.Exists, $"No screenshot at {file}");
        Assert.True(info.Length > 10_000, $"The screenshot {file} has only {info.Length} bytes.");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {file} ({info.Length} bytes)");

        session.AssertNoConsoleErrors();
    }
}
