using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// The analyst's risk pages and the preview behind them: a draft run over the country's recent controls next to the
/// active version, the pages open for Kazakhstan's analyst and closed to a trader, and a wrong draft refused next to
/// its rule without storing anything.
/// </summary>
public sealed class RiskPagesTests(SqliteDemoWebFactory factory) : IClassFixture<SqliteDemoWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object[] Bands => [new { from = 0, to = 30, channel = "green" }, new { from = 30, to = 60, channel = "yellow" }, new { from = 60, channel = "red" }];

    private async Task PublishAsync(HttpClient analyst, object definition, string note)
    {
        var created = await analyst.PostAsJsonAsync(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), new { note, definition }, Ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        var published = await analyst.PostAsync(new Uri($"/api/v1/risk/KZ/profiles/{body.GetProperty("version").GetInt32()}/publication", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    private static Dictionary<string, int> Counts(JsonElement side) =>
        side.EnumerateArray().ToDictionary(s => s.GetProperty("channel").GetString()!, s => s.GetProperty("count").GetInt32());

    [Fact]
    public async Task A_stricter_draft_previews_more_red_over_every_kazakh_control_and_stores_nothing()
    {
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        await PublishAsync(analyst, new { rules = Array.Empty<object>(), bands = Bands }, "Lenient baseline");
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        for (var i = 0; i < 3; i++)
        {
            var lodged = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
            Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        }

        var kazakhControls = (await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/consignments", UriKind.Relative), Ct))!
            .Sum(c => c.GetProperty("controls").EnumerateArray().Count(k => k.GetProperty("country").GetString() == "KZ"));
        var versionsBefore = (await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), Ct))!.Count;

        var strict = new { rules = new object[] { new { id = "KZ-YARN", description = "Cotton yarn", field = "hsCode", @operator = "in-range", from = "5205", to = "5207", score = 80 } }, bands = Bands };
        var response = await analyst.PostAsJsonAsync(new Uri("/api/v1/risk/KZ/profiles/preview", UriKind.Relative), strict, Ct);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, preview.ToString());
        var (before, after) = (Counts(preview.GetProperty("before")), Counts(preview.GetProperty("after")));
        Assert.True(kazakhControls >= 3);
        Assert.Equal(kazakhControls, preview.GetProperty("controls").GetInt32());
        Assert.Equal(kazakhControls, before.Values.Sum());
        Assert.Equal(kazakhControls, after.Values.Sum());
        Assert.Equal(1.0, preview.GetProperty("after").EnumerateArray().Sum(s => s.GetProperty("share").GetDouble()), 6);
        Assert.True(after["red"] > before["red"], preview.ToString());
        Assert.Equal(after["red"] - before["red"], preview.GetProperty("changed").GetInt32());
        var top = Assert.Single(preview.GetProperty("topRules").EnumerateArray());
        Assert.Equal(("KZ-YARN", kazakhControls), (top.GetProperty("ruleId").GetString(), top.GetProperty("times").GetInt32()));
        Assert.Equal(versionsBefore, (await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), Ct))!.Count);
    }

    [Fact]
    public async Task A_wrong_draft_is_refused_by_field_in_the_preview()
    {
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);

        var response = await analyst.PostAsJsonAsync(new Uri("/api/v1/risk/KZ/profiles/preview", UriKind.Relative), new
        {
            rules = new object[] { new { id = "X-1", field = "colour", @operator = "in", values = new[] { "red" }, score = 10 } },
            bands = Bands,
        }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["rules[0].field"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("analyst.kz@demo.caravan", "/risk")]
    [InlineData("analyst.kz@demo.caravan", "/risk/profiles/new")]
    [InlineData("analyst.kz@demo.caravan", "/risk/profiles/{active}")]
    [InlineData("analyst.kz@demo.caravan", "/risk/operators")]
    [InlineData("analyst.kz@demo.caravan", "/risk/alerts")]
    [InlineData("officer.kz@demo.caravan", "/risk")]
    [InlineData("officer.kz@demo.caravan", "/risk/profiles/{active}")]
    [InlineData("admin@demo.caravan", "/risk?country=UZ")]
    public async Task The_risk_pages_open_for_the_country_s_analyst_and_officers(string email, string path)
    {
        var client = await factory.ClientAsync(DemoPerson.All.Single(p => p.Email == email));

        var response = await client.GetAsync(new Uri(await ResolveAsync(path), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "/risk", "/account/signin")]
    [InlineData("trader.kz@demo.caravan", "/risk", "/account/denied")]
    [InlineData("trader.kz@demo.caravan", "/risk/profiles/new", "/account/denied")]
    [InlineData("trader.kz@demo.caravan", "/risk/profiles/{active}", "/account/denied")]
    [InlineData("trader.kz@demo.caravan", "/risk/operators", "/account/denied")]
    [InlineData("trader.kz@demo.caravan", "/risk/alerts", "/account/denied")]
    [InlineData("officer.kz@demo.caravan", "/risk/profiles/new", "/account/denied")]
    [InlineData("officer.cn@demo.caravan", "/risk/profiles/new", "/account/denied")]
    public async Task Anyone_else_is_sent_to_sign_in_or_told_it_is_not_permitted(string? email, string path, string sentTo)
    {
        var client = await factory.ClientAsync(email is null ? null : DemoPerson.All.Single(p => p.Email == email));

        var response = await client.GetAsync(new Uri(await ResolveAsync(path), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(sentTo, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_with_a_wrong_rule_comes_back_with_the_error_next_to_the_rule_and_nothing_is_stored()
    {
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var before = (await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), Ct))!.Count;
        var form = await analyst.GetStringAsync(new Uri("/risk/profiles/new", UriKind.Relative), Ct);
        var definition = JsonSerializer.Serialize(new
        {
            rules = new object[]
            {
                new { id = "KZ-OK", description = "Yarn", field = "hsCode", @operator = "in-range", from = "5205", to = "5207", score = 20 },
                new { id = "KZ-BAD", description = "Colour", field = "colour", @operator = "in", values = new[] { "red" }, score = 10 },
            },
            bands = Bands,
        });

        var response = await analyst.PostAsync(new Uri("/risk/profiles/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.Token(form),
            ["country"] = "KZ",
            ["definition"] = definition,
            ["note"] = "Broken on purpose",
            ["action"] = "save",
        }), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"rule-1-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rule-0-error\"", html, StringComparison.Ordinal);
        Assert.Contains("rules[1].field", html, StringComparison.Ordinal);
        // The readable table shows both rules, and the JSON typed is kept.
        Assert.Contains("KZ-OK", html, StringComparison.Ordinal);
        Assert.Contains("\"KZ-BAD\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), Ct))!.Count);
    }

    [Fact]
    public async Task A_preview_from_the_page_shows_the_shares_before_and_after_as_a_chart_and_a_table()
    {
        // At least one Kazakh control to route, whichever test of the class runs first.
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        Assert.Equal(HttpStatusCode.Created, (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).StatusCode);
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var form = await analyst.GetStringAsync(new Uri("/risk/profiles/new", UriKind.Relative), Ct);

        var response = await analyst.PostAsync(new Uri("/risk/profiles/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.Token(form),
            ["country"] = "KZ",
            ["definition"] = JsonSerializer.Serialize(new { rules = Array.Empty<object>(), bands = Bands }),
            ["action"] = "preview",
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"risk-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"preview-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_aeo_is_registered_from_the_page_after_a_refusal_shown_next_to_the_field()
    {
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var trader = (await admin.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/organisations", UriKind.Relative), Ct))!
            .Single(o => o.GetProperty("name").GetString() == "Steppe Cotton LLP (demo)").GetProperty("id").GetString()!;
        var token = SignIn.Token(await analyst.GetStringAsync(new Uri("/risk/operators", UriKind.Relative), Ct));
        var certificate = $"KZ-AEO-PAGE-{Guid.NewGuid():N}"[..24];
        Dictionary<string, string> Form(string number) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["country"] = "KZ",
            ["organisation"] = trader,
            ["certificateNumber"] = number,
            ["validFrom"] = "2026-01-01",
            ["validUntil"] = "2028-12-31",
        };

        var refused = await analyst.PostAsync(new Uri("/risk/operators?handler=register", UriKind.Relative), new FormUrlEncodedContent(Form("")), Ct);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        var registered = await analyst.PostAsync(new Uri("/risk/operators?handler=register", UriKind.Relative), new FormUrlEncodedContent(Form(certificate)), Ct);
        var list = await analyst.GetStringAsync(new Uri("/risk/operators", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("the AEO certificate number has 1 to 60 characters.", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/risk/operators?country=KZ&done=register", registered.Headers.Location!.OriginalString);
        Assert.Contains(certificate, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alert_is_sent_from_the_page_once_it_names_what_to_look_for()
    {
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var token = SignIn.Token(await analyst.GetStringAsync(new Uri("/risk/alerts", UriKind.Relative), Ct));
        var summary = $"Undervalued yarn {Guid.NewGuid():N}";
        List<KeyValuePair<string, string>> Form(string hsFrom, string hsTo) =>
        [
            new("__RequestVerificationToken", token), new("country", "KZ"), new("to", "UZ"), new("to", "KG"), new("summary", summary),
            new("hsFrom", hsFrom), new("hsTo", hsTo), new("validUntil", "2027-01-31"),
        ];

        var refused = await analyst.PostAsync(new Uri("/risk/alerts?handler=send", UriKind.Relative), new FormUrlEncodedContent(Form("", "")), Ct);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        var sent = await analyst.PostAsync(new Uri("/risk/alerts?handler=send", UriKind.Relative), new FormUrlEncodedContent(Form("5205", "5207")), Ct);
        var alerts = await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/alerts", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("an alert looks for something", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var alert = Assert.Single(alerts!, a => a.GetProperty("summary").GetString() == summary);
        Assert.Equal(["KG", "UZ"], alert.GetProperty("to").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("5205", alert.GetProperty("hsFrom").GetString());
    }

    /// <summary>Fills in the active version of Kazakhstan's profile (publishing one first if there is none).</summary>
    private async Task<string> ResolveAsync(string path)
    {
        if (!path.Contains("{active}", StringComparison.Ordinal))
        {
            return path;
        }

        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var versions = (await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), Ct))!;
        if (!versions.Any(v => v.GetProperty("state").GetString() == "active"))
        {
            await PublishAsync(analyst, new { rules = Array.Empty<object>(), bands = Bands }, "Baseline for the pages");
            versions = (await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), Ct))!;
        }

        return path.Replace("{active}", versions.First(v => v.GetProperty("state").GetString() == "active").GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
