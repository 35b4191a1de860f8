using System.Net;
using System.Text.RegularExpressions;
using Caravan.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Caravan.Web.Tests;

/// <summary>The server-rendered pages over HTTP: content, language, errors a person can read.</summary>
public sealed partial class PageTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string? culture = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (culture is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={culture}|uic={culture}");
        }

        return client;
    }

    [Fact]
    public async Task The_home_page_says_what_caravan_is_and_lists_the_six_countries()
    {
        var html = await Client().GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Caravan: one platform for trade across China and Central Asia", html, StringComparison.Ordinal);
        foreach (var country in new[] { "China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan" })
        {
            Assert.Contains($">{country}</a>", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zh-Hans", "zh-Hans", "边境口岸", "哈萨克斯坦")]
    [InlineData("ru", "ru", "Пункты пропуска", "Казахстан")]
    public async Task A_chosen_language_translates_the_interface_and_the_country_names(string culture, string htmlLang, string crossings, string kazakhstan)
    {
        var html = await Client(culture).GetStringAsync(new Uri("/countries", UriKind.Relative), Ct);

        Assert.Contains($"<html lang=\"{htmlLang}\">", html, StringComparison.Ordinal);
        Assert.Contains(crossings, html, StringComparison.Ordinal);
        Assert.Contains(kazakhstan, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_remembers_the_choice_and_returns_to_the_same_page()
    {
        var client = Client();
        var home = await client.GetStringAsync(new Uri("/hs", UriKind.Relative), Ct);
        var token = AntiforgeryToken().Match(home).Groups[1].Value;

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "ru", ["returnUrl"] = "/hs?culture=en", ["__RequestVerificationToken"] = token });
        var response = await client.PostAsync(new Uri("/Language", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hs", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("uic%3Dru", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_to_another_site()
    {
        var client = Client();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var token = AntiforgeryToken().Match(home).Groups[1].Value;

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "zh-Hans", ["returnUrl"] = "https://evil.example/phish", ["__RequestVerificationToken"] = token });
        var response = await client.PostAsync(new Uri("/Language", UriKind.Relative), form, Ct);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_crossing_page_shows_both_sides_and_the_local_time_on_each()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync(new Uri("/crossings/CN-KZ-03", UriKind.Relative), Ct));

        Assert.Contains("Dostyk", html, StringComparison.Ordinal);
        Assert.Contains("Alashankou", html, StringComparison.Ordinal);
        Assert.Matches(@"data-testid=""local-time-a"">\d\d:\d\d \(UTC\+05:00\)", html);
        Assert.Matches(@"data-testid=""local-time-b"">\d\d:\d\d \(UTC\+08:00\)", html);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hs_search_page_shows_the_rank_the_marked_words_the_path_and_the_unofficial_badge()
    {
        var html = await Client("zh-Hans").GetStringAsync(new Uri("/hs?q=" + Uri.EscapeDataString("棉纱 <script>"), UriKind.Relative), Ct);

        Assert.Contains("id=\"hit-5205\"", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"rank\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/hs/sections/XI\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/hs/52\"", html, StringComparison.Ordinal);
        Assert.Contains("非官方译文", html, StringComparison.Ordinal);
        Assert.Contains("不含注释", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hs_browser_goes_from_section_to_subheading()
    {
        var client = Client();
        var sections = await client.GetStringAsync(new Uri("/hs", UriKind.Relative), Ct);
        var section = await client.GetStringAsync(new Uri("/hs/sections/11", UriKind.Relative), Ct);
        var chapter = await client.GetStringAsync(new Uri("/hs/52", UriKind.Relative), Ct);
        var heading = await client.GetStringAsync(new Uri("/hs/5205", UriKind.Relative), Ct);

        Assert.Contains("href=\"/hs/sections/11\"", sections, StringComparison.Ordinal);
        Assert.Contains("href=\"/hs/52\"", section, StringComparison.Ordinal);
        Assert.Contains("href=\"/hs/5205\"", chapter, StringComparison.Ordinal);
        Assert.Contains("href=\"/hs/520512\"", heading, StringComparison.Ordinal);
        Assert.Contains("ПРЯЖА ХЛОПЧАТОБУМАЖНАЯ", heading, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/hs/52x1", HttpStatusCode.BadRequest, "position 3")]
    [InlineData("/hs/999998", HttpStatusCode.NotFound, "999998")]
    [InlineData("/countries/XX", HttpStatusCode.NotFound, "XX")]
    [InlineData("/countries/Kazakhstan", HttpStatusCode.BadRequest, "two-letter")]
    [InlineData("/crossings?mode=air", HttpStatusCode.BadRequest, "road or rail")]
    [InlineData("/crossings/NOPE-1", HttpStatusCode.NotFound, "NOPE-1")]
    [InlineData("/no-such-page", HttpStatusCode.NotFound, "There is no page at this address.")]
    public async Task A_bad_address_shows_a_page_that_says_what_is_wrong(string url, HttpStatusCode status, string message)
    {
        var response = await Client().GetAsync(new Uri(url, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exact_code_in_the_search_box_opens_its_page()
    {
        var response = await Client().GetAsync(new Uri("/hs?q=5205.12", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hs/520512", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
