using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Cli;
using Caravan.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>
/// The browser fixture on a database that <c>caravan simulate --days 365</c> filled first (at a small scale, so that
/// the year plays in about a minute): a year of lodgings, decisions and border events through the API.
/// </summary>
public sealed class YearOfHistoryFixture : BrowserFixture
{
    public const double Scale = 0.02;

    /// <summary>The simulation's summary line, for the test's output.</summary>
    public string Summary { get; private set; } = string.Empty;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["Caravan:Demo:LiveTraffic"] = "false" };

    protected override async Task PrepareDatabaseAsync(TestDatabase database)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CaravanCli.RunAsync(
            ["simulate", "--days", "365", "--scale", Scale.ToString(CultureInfo.InvariantCulture), "--seed", "11"], output, error, database.Settings, CancellationToken.None);
        if (code != 0)
        {
            throw new InvalidOperationException($"caravan simulate failed ({code}):\n{output}\n{error}");
        }

        Summary = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
    }
}

/// <summary>
/// Issue 9 in a browser: with a year of simulated history the release-time dashboard draws its charts, and every
/// figure in its tables equals the API's JSON and CSV for the same filters; the page reads in Russian and Chinese too.
/// </summary>
public sealed class ReleaseTimeDashboardTests(YearOfHistoryFixture fixture) : IClassFixture<YearOfHistoryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The whole year, up to yesterday (UTC): nothing lodged in it still moves once the simulation is over.</summary>
    private static string Filter(string groupBy)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        return string.Create(CultureInfo.InvariantCulture, $"from={today.AddDays(-366):yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}&groupBy={groupBy}");
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"release-times-{name}.png"), FullPage = fullPage });
    }

    /// <summary>
    /// The API's report: the simulation's host dispatched its last events and let the projection read them as it
    /// stopped, and this host plays no traffic of its own, so the figures are final from the first read.
    /// </summary>
    private async Task<JsonElement> ReportAsync(HttpClient api, string query) =>
        JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/analytics/release-times?{query}", UriKind.Relative), Ct)).RootElement.Clone();

    /// <summary>One table's rows as key → the figures in its cells' data attributes and text.</summary>
    private static async Task<Dictionary<string, string[]>> RowsAsync(ILocator table) =>
        (await table.Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.key, ...[...r.querySelectorAll('td')].map(td => td.dataset.seconds ?? td.dataset.share ?? td.textContent.trim())])"))
        .ToDictionary(r => r[0], r => r[1..]);

    private static string Seconds(JsonElement figures, string name) =>
        figures.GetProperty(name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble().ToString(CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The map's classes: under 1 h, 1–3 h, 3–6 h, 6–12 h, 12 h or more.</summary>
    private static string CrossingClass(double medianSeconds) =>
        (medianSeconds switch { < 3600 => 0, < 3 * 3600 => 1, < 6 * 3600 => 2, < 12 * 3600 => 3, _ => 4 }).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_year_of_history_renders_and_every_figure_on_the_page_equals_the_api_and_the_csv()
    {
        await using var session = await fixture.OpenAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(fixture.Summary);
        using var api = new HttpClient { BaseAddress = fixture.Address };
        var query = Filter("crossing");
        var report = await ReportAsync(api, query);
        var groups = report.GetProperty("groups").EnumerateArray().ToList();
        Assert.True(groups.Sum(g => g.GetProperty("controls").GetInt32()) > 300, $"a year of traffic: {fixture.Summary}");
        // The demo's target (Kazakhstan, yellow, 4 h) gives the crossings into Kazakhstan a share within target.
        Assert.Contains(groups, g => g.GetProperty("withinTargetShare").ValueKind == JsonValueKind.Number);
        var months = (await ReportAsync(api, Filter("month"))).GetProperty("groups").GetArrayLength();
        Assert.True(months >= 12, $"{months} months with controls");

        var page = session.Page;
        await page.GotoAsync($"/release-times?{query}");
        foreach (var chart in new[] { "rt-chart-times", "rt-chart-stages", "rt-chart-series", "rt-chart-sides", "rt-chart-dist" })
        {
            await Expect(page.Locator($"#{chart} canvas")).ToHaveCountAsync(1);
        }

        await ShotAsync(page, "year");

        // The main table: controls, released, median, p90, p95, mean, share within target — as the API's JSON…
        var rows = await RowsAsync(page.GetByTestId("rt-table"));
        Assert.Equal(groups.Select(g => g.GetProperty("key").GetString()!).Order(), rows.Keys.Order());
        foreach (var g in groups)
        {
            var total = g.GetProperty("total");
            string[] expected =
            [
                g.GetProperty("controls").GetInt32().ToString(CultureInfo.InvariantCulture), g.GetProperty("released").GetInt32().ToString(CultureInfo.InvariantCulture),
                Seconds(total, "medianSeconds"), Seconds(total, "p90Seconds"), Seconds(total, "p95Seconds"), Seconds(total, "meanSeconds"), Seconds(g, "withinTargetShare"),
            ];
            Assert.Equal(expected, rows[g.GetProperty("key").GetString()!]);
        }

        // …and as the CSV of the same filters (the CSV rounds the share to three places).
        var csv = (await api.GetStringAsync(new Uri($"/api/v1/analytics/release-times.csv?{query}", UriKind.Relative), Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows.Count, csv.Length - 1);
        foreach (var line in csv[1..])
        {
            var cells = line.Split(',');
            var shown = rows[cells[0]];
            Assert.Equal((shown[0], shown[1], shown[2], shown[3], shown[4], shown[5]), (cells[1], cells[2], cells[5], cells[6], cells[7], cells[8]));
        }

        // The schematic: the busiest crossing's tile shows the API's median, its class by the same figure.
        var busiest = groups.OrderByDescending(g => g.GetProperty("controls").GetInt32()).First();
        var busiestId = busiest.GetProperty("key").GetString()!;
        var tile = page.GetByTestId("rt-map").Locator($"[data-crossing='{busiestId}']");
        await Expect(tile.Locator(".rt-tile-median")).ToHaveAttributeAsync("data-seconds", Seconds(busiest.GetProperty("total"), "medianSeconds"));
        await Expect(tile).ToHaveAttributeAsync("data-class", CrossingClass(busiest.GetProperty("total").GetProperty("medianSeconds").GetDouble()));

        // The time series of the busiest crossing equals the API's weekly report for that crossing.
        var weekly = await ReportAsync(api, $"crossing={busiestId}&{Filter("week")}");
        var series = await RowsAsync(page.Locator($"[data-testid='rt-series-table'][data-crossing='{busiestId}']"));
        Assert.Equal(weekly.GetProperty("groups").GetArrayLength(), series.Count);
        foreach (var w in weekly.GetProperty("groups").EnumerateArray())
        {
            Assert.Equal([w.GetProperty("controls").GetInt32().ToString(CultureInfo.InvariantCulture), Seconds(w.GetProperty("total"), "medianSeconds"), Seconds(w.GetProperty("total"), "p90Seconds")],
                series[w.GetProperty("key").GetString()!]);
        }

        // Both sides of each crossing: the API grouped by side.
        var sides = await ReportAsync(api, Filter("side"));
        var sideRows = await RowsAsync(page.GetByTestId("rt-sides-table"));
        Assert.Equal(sides.GetProperty("groups").GetArrayLength(), sideRows.Count);
        foreach (var s in sides.GetProperty("groups").EnumerateArray())
        {
            Assert.Equal(Seconds(s.GetProperty("total"), "medianSeconds"), sideRows[s.GetProperty("key").GetString()!][1]);
        }

        // The distribution per channel: the API's counts and medians.
        var distribution = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/analytics/release-times/distribution?{query}", UriKind.Relative), Ct);
        var spread = await RowsAsync(page.GetByTestId("rt-spread-table"));
        Assert.Equal(["green", "yellow", "red"], spread.Keys);
        foreach (var c in distribution.GetProperty("channels").EnumerateArray())
        {
            var shown = spread[c.GetProperty("channel").GetString()!];
            Assert.Equal((c.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture), Seconds(c, "medianSeconds")), (shown[0], shown[2]));
        }

        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_officer_follows_the_dashboard_to_the_countrys_controls_and_sees_the_same_figures()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, DemoPerson.OfficerKz);
        var query = $"country=KZ&{Filter("country")}";
        using var api = new HttpClient { BaseAddress = fixture.Address };
        var kazakhstan = Assert.Single((await ReportAsync(api, query)).GetProperty("groups").EnumerateArray());

        await page.GotoAsync($"/release-times?{query}");
        await page.GetByTestId("rt-detail-link").ClickAsync();

        // The same period and country; the summary is the API's figures for Kazakhstan.
        var summary = page.GetByTestId("rt-summary");
        await Expect(summary).ToHaveAttributeAsync("data-controls", kazakhstan.GetProperty("controls").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(summary).ToHaveAttributeAsync("data-median", Seconds(kazakhstan.GetProperty("total"), "medianSeconds"));
        await Expect(summary).ToHaveAttributeAsync("data-p90", Seconds(kazakhstan.GetProperty("total"), "p90Seconds"));
        var rows = page.GetByTestId("rt-controls").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(Math.Min(200, kazakhstan.GetProperty("controls").GetInt32()));
        await ShotAsync(page, "officer-kz", fullPage: false);

        // Marked over target: only yellow controls over Kazakhstan's 4 hours (14,400 s).
        var late = await page.Locator("tr:has(.rt-late)").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.channel, r.querySelector('td[data-seconds]').dataset.seconds])");
        Assert.All(late, r => Assert.True(r[0] == "yellow" && long.Parse(r[1], CultureInfo.InvariantCulture) > 14400, string.Join(" ", r)));
        var yellowOver = await page.Locator("tr[data-channel='yellow']").EvaluateAllAsync<int>("rows => rows.filter(r => +(r.querySelector('td[data-seconds]')?.dataset.seconds ?? 0) > 14400).length");
        Assert.Equal(yellowOver, late.Length);

        // A control's reference leads to its page.
        await rows.First.Locator("th a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/customs/controls/[0-9a-f-]{36}$"));
        session.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData("ru-RU", "Медианное время ожидания по пунктам пропуска", "Распределение по каналам", " ч ")]
    [InlineData("zh-CN", "各口岸通关时间中位数", "按通道的分布", " 小时 ")]
    public async Task The_dashboard_reads_in_russian_and_chinese(string locale, string mapTitle, string distributionTitle, string hours)
    {
        await using var session = await fixture.OpenAsync(locale);
        var page = session.Page;
        await page.GotoAsync($"/release-times?{Filter("crossing")}");

        await Expect(page.Locator("#rt-map-title")).ToHaveTextAsync(mapTitle);
        await Expect(page.Locator("#rt-dist-title")).ToHaveTextAsync(distributionTitle);
        await Expect(page.Locator("#rt-chart-dist canvas")).ToHaveCountAsync(1);
        // Durations in the language's units ("4 ч 41 мин", "4 小时 41 分钟").
        await Expect(page.GetByTestId("rt-table")).ToContainTextAsync(hours);
        await ShotAsync(page, locale);
        session.AssertNoConsoleErrors();
    }
}
