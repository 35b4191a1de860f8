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
}
