using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// Issue 9 end to end: three consignments China → Kazakhstan → Uzbekistan with border events in two time zones and
/// decisions; the projection fills from the feed, and the aggregates, the CSV and the per-control detail give the
/// figures worked out by hand below.
/// </summary>
public abstract class ReleaseTimeTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Kz = TimeSpan.FromHours(5);
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);

    private static async Task DecideAsync(HttpClient client, string control, string decision, string? reasonCode = null)
    {
        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/controls/{control}/decisions", UriKind.Relative), new { decision, reasonCode }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{decision}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static async Task EventAsync(HttpClient client, string consignment, string type, string country, string crossing, DateTimeOffset at)
    {
        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/consignments/{consignment}/events", UriKind.Relative), new { type, country, crossingId = crossing, occurredAt = at }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{type}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task Stage_durations_at_a_crossing_are_aggregated_as_computed_by_hand_in_json_and_csv()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var cn = await factory.MachineClientAsync("demo-customs-cn");
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        var uz = await factory.MachineClientAsync("demo-customs-uz");
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var anonymous = await factory.ClientAsync(null);

        // Kazakhstan's target for the yellow channel: 100 minutes = 6000 s from arrival to release.
        var target = await analyst.PutAsJsonAsync(new Uri("/api/v1/analytics/release-times/targets/KZ/yellow", UriKind.Relative), new { minutes = 100 }, Ct);
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);

        var lodged = new List<(string Id, Func<string, string> Control)>();
        for (var i = 0; i < 3; i++)
        {
            var body = await (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            lodged.Add((body.GetProperty("id").GetString()!, country => body.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == country).GetProperty("id").GetString()!));
        }

        // Two days ago, on the hour, in Kazakh time (UTC+5).
        var now = TimeProvider.System.GetUtcNow();
        var t0 = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddDays(-2).ToOffset(Kz);
        foreach (var (id, control) in lodged)
        {
            await DecideAsync(cn, control("CN"), "accept");
            await DecideAsync(kz, control("KZ"), "accept");
            await DecideAsync(kz, control("KZ"), "order-documentary-inspection", "DOC-CHECK");
            await DecideAsync(uz, control("UZ"), "accept");
        }

        // A: arrival t0, queue +10 min, check +30…+60 min, released +90 min.
        //    Stages 600, 1200, 1800, 1800; total 5400 s.
        var (a, controlA) = lodged[0];
        await EventAsync(kz, a, "released", "KZ", "CN-KZ-01", t0.AddMinutes(90)); // reported first: placed by its time
        await EventAsync(kz, a, "check-finished", "KZ", "CN-KZ-01", t0.AddMinutes(60));
        await EventAsync(kz, a, "arrived-at-crossing", "KZ", "CN-KZ-01", t0);
        await EventAsync(kz, a, "entered-queue", "KZ", "CN-KZ-01", t0.AddMinutes(10));
        await EventAsync(kz, a, "check-started", "KZ", "CN-KZ-01", t0.AddMinutes(30));
        // China's side of A, in China's time (UTC+8): arrived t0 − 2 h, released t0 − 1 h, exited t0 − 30 min;
        // Kazakhstan saw it enter at t0 − 20 min, reported in UTC+5. China's control: total 3600, release → exit 1800,
        // exit → entry 600 s (10 min on instants, though the wall clocks read 3 h apart).
        await EventAsync(cn, a, "arrived-at-crossing", "CN", "CN-KZ-01", t0.AddHours(-2).ToOffset(Cn));
        await EventAsync(cn, a, "released", "CN", "CN-KZ-01", t0.AddHours(-1).ToOffset(Cn));
        await EventAsync(cn, a, "exited", "CN", "CN-KZ-01", t0.AddMinutes(-30).ToOffset(Cn));
        await EventAsync(kz, a, "entered-next-country", "KZ", "CN-KZ-01", t0.AddMinutes(-20));
        await DecideAsync(uz, controlA("UZ"), "refuse", "PROHIBITED");

        // B: arrival t0 + 1 h, no queue reported, check +80…+110 min, released +180 min.
        //    Stages null, null, 1800, 4200; total 7200 s.
        var b = lodged[1].Id;
        await EventAsync(kz, b, "arrived-at-crossing", "KZ", "CN-KZ-01", t0.AddHours(1));
        await EventAsync(kz, b, "check-started", "KZ", "CN-KZ-01", t0.AddMinutes(80));
        await EventAsync(kz, b, "check-finished", "KZ", "CN-KZ-01", t0.AddMinutes(110));
        await EventAsync(kz, b, "released", "KZ", "CN-KZ-01", t0.AddMinutes(180));

        // C: arrival t0 + 2 h (reported twice, once in UTC), queue +150 min, released +160 min without a check.
        //    Stages 1800, null, null, null; total 2400 s.
        var c = lodged[2].Id;
        await EventAsync(kz, c, "arrived-at-crossing", "KZ", "CN-KZ-01", t0.AddHours(2));
        await EventAsync(kz, c, "arrived-at-crossing", "KZ", "CN-KZ-01", t0.AddHours(2).ToUniversalTime());
        await EventAsync(kz, c, "entered-queue", "KZ", "CN-KZ-01", t0.AddMinutes(150));
        await EventAsync(kz, c, "released", "KZ", "CN-KZ-01", t0.AddMinutes(160));

        var today = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var filter = $"crossing=CN-KZ-01&country=KZ&from={today}&to={today}&groupBy=crossing";
        JsonElement report = default;
        for (var i = 0; i < 200; i++)
        {
            report = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/analytics/release-times?{filter}", UriKind.Relative), Ct);
            if (report.GetProperty("groups").EnumerateArray().Any(g => g.GetProperty("total").GetProperty("count").GetInt32() == 3 && g.GetProperty("total").GetProperty("meanSeconds").GetDouble() == 5000))
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        // Totals sorted: 2400, 5400, 7200 (n = 3).
        //   median: h = 2 × 0.5 = 1 → 5400;  p90: h = 1.8 → 5400 + 0.8 × 1800 = 6840;  p95: h = 1.9 → 5400 + 0.9 × 1800 = 7020
        //   mean: 15000 / 3 = 5000;  within 6000 s: A (5400) and C (2400), not B (7200) → 2 / 3 = 0.6667.
        var group = Assert.Single(report.GetProperty("groups").EnumerateArray());
        var total = group.GetProperty("total");
        Assert.Equal(("CN-KZ-01", 3, 3, 0), (group.GetProperty("key").GetString(), group.GetProperty("controls").GetInt32(), group.GetProperty("released").GetInt32(), group.GetProperty("refused").GetInt32()));
        Assert.Equal((3, 5400.0, 6840.0, 7020.0, 5000.0), (total.GetProperty("count").GetInt32(), total.GetProperty("medianSeconds").GetDouble(), total.GetProperty("p90Seconds").GetDouble(), total.GetProperty("p95Seconds").GetDouble(), total.GetProperty("meanSeconds").GetDouble()));
        Assert.Equal((3, 0.6667), (group.GetProperty("withTarget").GetInt32(), group.GetProperty("withinTargetShare").GetDouble()));
        // Stage medians: arrival → queue {600, 1800} → 1200; queue → check {1200}; check {1800, 1800}; check → release {1800, 4200} → 3000.
        var stages = group.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => (s.GetProperty("count").GetInt32(), s.GetProperty("medianSeconds").GetDouble()));
        Assert.Equal((2, 1200.0), stages["arrival-to-queue"]);
        Assert.Equal((1, 1200.0), stages["queue-to-check"]);
        Assert.Equal((2, 1800.0), stages["check"]);
        Assert.Equal((2, 3000.0), stages["check-to-release"]);
        // Bottleneck: p90 = 6840, so the slowest tenth is B alone; its longest stage is check → release (4200 s).
        var bottleneck = Assert.Single(report.GetProperty("bottlenecks").EnumerateArray());
        Assert.Equal(("CN-KZ-01", "check-to-release", 4200.0, 1), (bottleneck.GetProperty("crossing").GetString(), bottleneck.GetProperty("stage").GetString(), bottleneck.GetProperty("meanSeconds").GetDouble(), bottleneck.GetProperty("slowest").GetInt32()));
        Assert.Equal(JsonValueKind.Null, bottleneck.GetProperty("previousStage").ValueKind);

        var csv = await anonymous.GetAsync(new Uri($"/api/v1/analytics/release-times.csv?{filter}", UriKind.Relative), Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("crossing,controls,released,refused,measured,median_s,p90_s,p95_s,mean_s,with_target,within_target_share,arrival_to_queue_median_s,queue_to_check_median_s,check_median_s,check_to_release_median_s", lines[0]);
        Assert.Equal(["CN-KZ-01,3,3,0,3,5400,6840,7020,5000,3,0.667,1200,1200,1800,3000"], lines[1..]);

        // Both sides compared: Kazakhstan's side of CN-KZ-01 is the same three controls.
        var sides = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/analytics/release-times?{filter.Replace("groupBy=crossing", "groupBy=side", StringComparison.Ordinal)}", UriKind.Relative), Ct);
        var side = Assert.Single(sides.GetProperty("groups").EnumerateArray());
        Assert.Equal(("CN-KZ-01/KZ", 5400.0), (side.GetProperty("key").GetString(), side.GetProperty("total").GetProperty("medianSeconds").GetDouble()));

        // Distribution: p95 7020 s = 117 min needs 24 bins of 5 min, 12 of 10 min (600 s): 2400 s in bin 4 [2400, 3000),
        // 5400 s in bin 9 [5400, 6000), 7200 s ≥ 12 × 600 in the open 13th bin.
        var distribution = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/analytics/release-times/distribution?{filter}", UriKind.Relative), Ct);
        Assert.Equal(600, distribution.GetProperty("binSeconds").GetInt64());
        var perBin = distribution.GetProperty("bins").EnumerateArray().Select(b => b.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32())).ToList();
        Assert.Equal([0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1], perBin);
        Assert.Equal(3, distribution.GetProperty("channels").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));

        // The public dashboard with the same filters shows the same figures in its table (the charts read the same report).
        var page = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/release-times?{filter}", UriKind.Relative), Ct));
        var table = page[page.IndexOf("data-testid=\"rt-table\"", StringComparison.Ordinal)..];
        var row = table[table.IndexOf("data-key=\"CN-KZ-01\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("data-seconds=\"5400\">1 h 30 min<", row, StringComparison.Ordinal);
        Assert.Contains("data-seconds=\"6840\">1 h 54 min<", row, StringComparison.Ordinal);
        Assert.Contains("1 h 57 min", row, StringComparison.Ordinal); // p95 7020 s
        Assert.Contains("67%", row, StringComparison.Ordinal);
        Assert.Contains("id=\"rt-chart-stages\"", page, StringComparison.Ordinal);
        // The schematic shows the chosen crossing alone, in the 1–3 h class of its 5400 s median.
        Assert.Equal(["CN-KZ-01:1"], System.Text.RegularExpressions.Regex.Matches(page, "data-crossing=\"([^\"]+)\" data-class=\"(-?\\d)\"").Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value}"));

        // China's control of A, crossing between UTC+8 and UTC+5, for China's administration only.
        var chinese = await cn.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/analytics/release-times/controls?country=CN&crossing=CN-KZ-01&from={today}&to={today}", UriKind.Relative), Ct);
        var chinaA = chinese!.Single(r => r.GetProperty("controlId").GetString() == controlA("CN"));
        Assert.Equal((3600L, 1800L, 600L), (chinaA.GetProperty("arrivalToReleaseSeconds").GetInt64(), chinaA.GetProperty("releaseToExitSeconds").GetInt64(), chinaA.GetProperty("exitToNextEntrySeconds").GetInt64()));
        Assert.Equal("export", chinaA.GetProperty("role").GetString());
        var uzbek = await uz.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/analytics/release-times/controls?country=UZ&from={today}&to={today}", UriKind.Relative), Ct);
        Assert.Equal("refused", uzbek!.Single(r => r.GetProperty("controlId").GetString() == controlA("UZ")).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await cn.GetAsync(new Uri($"/api/v1/analytics/release-times/controls?country=KZ", UriKind.Relative), Ct)).StatusCode);

        // The Kazakh officer's own page lists each control with its stages; B (7200 s) is marked over the 100-minute target.
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);
        var own = System.Net.WebUtility.HtmlDecode(await officer.GetStringAsync(new Uri($"/release-times/controls?country=KZ&crossing=CN-KZ-01&from={today}&to={today}", UriKind.Relative), Ct));
        Assert.Contains("3 controls; median 1 h 30 min, 90th percentile 1 h 54 min, within target 67%.", own, StringComparison.Ordinal);
        var late = own[own.IndexOf("data-seconds=\"7200\"", StringComparison.Ordinal)..];
        Assert.StartsWith("data-seconds=\"7200\">2 h 00 min <span class=\"rt-badge rt-late\">over the 1 h 40 min target</span>", late, StringComparison.Ordinal);
        Assert.DoesNotContain("over the", own.Replace(late, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        // B's control page tells its officer the time at the border: no queue reported (a dash, not zero), check 30 min,
        // check to release 1 h 10 min, arrival to release 2 h 00 min, over the 1 h 40 min target.
        var controlPage = System.Net.WebUtility.HtmlDecode(await officer.GetStringAsync(new Uri($"/customs/controls/{lodged[1].Control("KZ")}", UriKind.Relative), Ct));
        var time = controlPage[controlPage.IndexOf("data-testid=\"release-time\"", StringComparison.Ordinal)..];
        time = time[..time.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<dt>Queue to check</dt><dd>—</dd><dt>Check</dt><dd>30 min</dd><dt>Check to release</dt><dd>1 h 10 min</dd>", System.Text.RegularExpressions.Regex.Replace(time, ">\\s+<", "><"), StringComparison.Ordinal);
        Assert.Contains("data-seconds=\"7200\">2 h 00 min <span class=\"rt-badge rt-late\">over the 1 h 40 min target</span>", time, StringComparison.Ordinal);

        // The trader sees on B's page how long Kazakhstan took to release it after arrival.
        var consignmentPage = System.Net.WebUtility.HtmlDecode(await trader.GetStringAsync(new Uri($"/consignments/{b}", UriKind.Relative), Ct));
        Assert.Contains($"data-waited=\"{lodged[1].Control("KZ")}\" data-seconds=\"7200\">released 2 h 00 min after arrival<", consignmentPage, StringComparison.Ordinal);

        // China's officer may not open Kazakhstan's; an anonymous visitor is sent to sign in.
        var chineseOfficer = await factory.ClientAsync(DemoPerson.OfficerCn);
        var refused = await chineseOfficer.GetAsync(new Uri("/release-times/controls?country=KZ", UriKind.Relative), Ct);
        Assert.Equal((HttpStatusCode.Redirect, "/account/denied"), (refused.StatusCode, refused.Headers.Location!.AbsolutePath));
        var visitor = await anonymous.GetAsync(new Uri("/release-times/controls?country=KZ", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Equal("/account/signin", visitor.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("groupBy=hour", "groupBy")]
    [InlineData("from=30.11.2026", "from")]
    [InlineData("from=2026-11-30&to=2026-11-01", "from")]
    [InlineData("from=2024-01-01&to=2026-11-30", "to")]
    [InlineData("country=XX", "country")]
    [InlineData("crossing=NO-WHERE-9", "crossing")]
    [InlineData("mode=teleport", "mode")]
    [InlineData("channel=blue", "channel")]
    [InlineData("aeo=maybe", "aeo")]
    [InlineData("direction=sideways", "direction")]
    public async Task A_bad_filter_is_refused_by_its_field(string query, string field)
    {
        factory.SkipUnlessAvailable();
        var anonymous = await factory.ClientAsync(null);

        foreach (var path in new[] { "/api/v1/analytics/release-times", "/api/v1/analytics/release-times.csv", "/api/v1/analytics/release-times/distribution" })
        {
            if (field == "groupBy" && path.EndsWith("distribution", StringComparison.Ordinal))
            {
                continue; // the distribution is per channel, whatever the grouping
            }

            var response = await anonymous.GetAsync(new Uri($"{path}?{query}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Targets_are_set_by_the_countrys_analyst_refused_by_field_and_forbidden_to_others()
    {
        factory.SkipUnlessAvailable();
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync(new Uri("/api/v1/analytics/release-times/targets/CN/yellow", UriKind.Relative), new { minutes = 60 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync(new Uri("/api/v1/analytics/release-times/targets/KZ/yellow", UriKind.Relative), new { minutes = 60 }, Ct)).StatusCode);
        var bad = await analyst.PutAsJsonAsync(new Uri("/api/v1/analytics/release-times/targets/KZ/blue", UriKind.Relative), new { minutes = 0 }, Ct);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal((HttpStatusCode.BadRequest, true, true), (bad.StatusCode, errors.TryGetProperty("channel", out _), errors.TryGetProperty("minutes", out _)));
        Assert.Equal(HttpStatusCode.OK, (await analyst.PutAsJsonAsync(new Uri("/api/v1/analytics/release-times/targets/KZ/red", UriKind.Relative), new { minutes = 480 }, Ct)).StatusCode);

        var targets = await (await factory.ClientAsync(null)).GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/analytics/release-times/targets", UriKind.Relative), Ct);
        Assert.Contains(targets!, t => t.GetProperty("country").GetString() == "KZ" && t.GetProperty("channel").GetString() == "red" && t.GetProperty("minutes").GetInt32() == 480);
    }
}

public sealed class ReleaseTimesOnSqlite(SqliteExchangeWebFactory factory) : ReleaseTimeTests(factory), IClassFixture<SqliteExchangeWebFactory>;

public sealed class ReleaseTimesOnPostgres(PostgresExchangeWebFactory factory) : ReleaseTimeTests(factory), IClassFixture<PostgresExchangeWebFactory>;
