using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// Kazakhstan's analyst publishes a risk profile; every control in Kazakhstan gets its channel from it at lodging,
/// explained to Kazakhstan's officers and not to the trader; a later version never rewrites an earlier channel.
/// </summary>
public abstract class RiskSelectivityTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Bands => new object[] { new { from = 0, to = 30, channel = "green" }, new { from = 30, to = 60, channel = "yellow" }, new { from = 60, channel = "red" } };

    private async Task<int> PublishAsync(object definition, string note)
    {
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var created = await analyst.PostAsJsonAsync(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), new { note, definition }, Ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        var version = body.GetProperty("version").GetInt32();
        var published = await analyst.PostAsync(new Uri($"/api/v1/risk/KZ/profiles/{version}/publication", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return version;
    }

    private async Task<JsonElement> LodgeAsync(object? declaration = null)
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var response = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), declaration ?? Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static JsonElement Control(JsonElement consignment, string country) =>
        consignment.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == country);

    private async Task<List<JsonElement>> AssessmentsAsync(JsonElement consignment)
    {
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);
        return (await officer.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/controls/{Control(consignment, "KZ").GetProperty("id").GetString()}/assessments", UriKind.Relative), Ct))!;
    }

    [Fact]
    public async Task The_demo_publishes_an_invented_profile_for_every_member_state()
    {
        factory.SkipUnlessAvailable();
        var admin = await factory.ClientAsync(DemoPerson.Administrator);

        foreach (var country in new[] { "CN", "KZ", "KG", "TJ", "TM", "UZ" })
        {
            var versions = (await admin.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/risk/{country}/profiles", UriKind.Relative), Ct))!;
            var first = versions.Single(v => v.GetProperty("version").GetInt32() == 1);
            Assert.Equal("Demo profile (invented rules)", first.GetProperty("note").GetString());
            Assert.True(first.GetProperty("rules").GetInt32() >= 5);
        }

        var chinese = Control(await LodgeAsync(), "CN");
        var chinaOfficer = await factory.ClientAsync(DemoPerson.OfficerCn);
        var why = (await chinaOfficer.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/controls/{chinese.GetProperty("id").GetString()}/assessments", UriKind.Relative), Ct))!;
        Assert.Equal(1, Assert.Single(why).GetProperty("assessment").GetProperty("profileVersion").GetInt32());
    }

    [Fact]
    public async Task An_alert_kazakhstan_sends_to_uzbekistan_raises_uzbekistan_s_assessment_and_not_tajikistan_s()
    {
        factory.SkipUnlessAvailable();
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var sent = await analyst.PostAsJsonAsync(new Uri("/api/v1/risk/KZ/alerts", UriKind.Relative), new
        {
            to = new[] { "UZ" },
            summary = "Cotton yarn re-declared as Kazakh origin at Zhibek Zholy",
            hsFrom = "5205",
            hsTo = "5207",
            validUntil = TimeProvider.System.GetUtcNow().AddDays(30),
        }, Ct);
        var alert = await sent.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        var toUzbekistan = Control(await LodgeAsync(), "UZ");
        var toTajikistan = JsonSerializer.SerializeToNode(Declarations.CottonYarnChinaKazakhstanUzbekistan(), JsonSerializerOptions.Web)!;
        toTajikistan["importer"] = new JsonObject { ["name"] = "Dushanbe Textile LLC", ["country"] = "TJ", ["nationalIdentifier"] = "020012345" };
        toTajikistan["countryOfDestination"] = "TJ";
        toTajikistan["route"] = new JsonObject { ["countries"] = new JsonArray("CN", "TJ"), ["crossings"] = new JsonArray("CN-TJ-01") };
        var tajik = Control(await LodgeAsync(toTajikistan), "TJ");

        async Task<JsonElement> ExplainAsync(string client, JsonElement control) =>
            Assert.Single((await (await factory.MachineClientAsync(client)).GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/controls/{control.GetProperty("id").GetString()}/assessments", UriKind.Relative), Ct))!).GetProperty("assessment");
        var uzbek = await ExplainAsync("demo-customs-uz", toUzbekistan);
        var tajikExplained = await ExplainAsync("demo-customs-tj", tajik);

        var fired = uzbek.GetProperty("fired").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "UZ-ALR-1");
        Assert.Equal(alert.GetProperty("id").GetString(), fired.GetProperty("alertId").GetString());
        Assert.Contains("alert from KZ", fired.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(tajikExplained.GetProperty("fired").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "TJ-ALR-1");
        Assert.Equal(uzbek.GetProperty("score").GetInt32(), uzbek.GetProperty("fired").EnumerateArray().Sum(f => f.GetProperty("score").GetInt32()));
    }

    // The tests of a class share one database: another may have made the demo trader an AEO, so this profile gives
    // AEOs no relief.
    [Fact]
    public async Task The_channel_comes_from_the_active_profile_is_explained_to_officers_only_and_a_later_version_does_not_rewrite_it()
    {
        factory.SkipUnlessAvailable();
        var strict = await PublishAsync(new { rules = new object[] { new { id = "KZ-TEX-1", description = "Cotton yarn from Xinjiang", field = "hsCode", @operator = "in-range", from = "5205", to = "5207", score = 70 } }, bands = Bands, aeoReduction = 0 }, "Textiles under watch");

        var first = await LodgeAsync();
        var explained = Assert.Single(await AssessmentsAsync(first));
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var traderAsks = await trader.GetAsync(new Uri($"/api/v1/controls/{Control(first, "KZ").GetProperty("id").GetString()}/assessments", UriKind.Relative), Ct);

        Assert.Equal("red", Control(first, "KZ").GetProperty("channel").GetString());
        // Uzbekistan's control has its channel from Uzbekistan's own profile, and its reasons are not Kazakhstan's to read.
        Assert.Contains(Control(first, "UZ").GetProperty("channel").GetString(), new[] { "green", "yellow", "red" });
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri($"/api/v1/controls/{Control(first, "UZ").GetProperty("id").GetString()}/assessments", UriKind.Relative), Ct)).StatusCode);
        var assessment = explained.GetProperty("assessment");
        Assert.Equal((strict, 70, "red"), (assessment.GetProperty("profileVersion").GetInt32(), assessment.GetProperty("score").GetInt32(), assessment.GetProperty("channel").GetString()));
        Assert.Equal(["KZ-TEX-1:70"], assessment.GetProperty("fired").EnumerateArray().Select(f => $"{f.GetProperty("ruleId").GetString()}:{f.GetProperty("score").GetInt32()}"));
        Assert.Equal(HttpStatusCode.Forbidden, traderAsks.StatusCode);

        var relaxed = await PublishAsync(new { rules = Array.Empty<object>(), bands = Bands }, "Watch lifted");
        var second = await LodgeAsync();
        var firstAgain = Assert.Single(await AssessmentsAsync(first)).GetProperty("assessment");
        var secondExplained = Assert.Single(await AssessmentsAsync(second)).GetProperty("assessment");

        Assert.Equal((strict, "red"), (firstAgain.GetProperty("profileVersion").GetInt32(), firstAgain.GetProperty("channel").GetString()));
        Assert.Equal((relaxed, "green"), (secondExplained.GetProperty("profileVersion").GetInt32(), secondExplained.GetProperty("channel").GetString()));
        var firstNow = await trader.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/consignments/{first.GetProperty("id").GetString()}", UriKind.Relative), Ct);
        Assert.Equal("red", Control(firstNow, "KZ").GetProperty("channel").GetString());
    }

    [Fact]
    public async Task An_invalid_profile_is_refused_by_field_and_the_active_version_stays()
    {
        factory.SkipUnlessAvailable();
        var active = await PublishAsync(new { rules = Array.Empty<object>(), bands = Bands }, "Baseline");
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);

        var refused = await analyst.PostAsJsonAsync(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), new
        {
            note = "Broken",
            definition = new
            {
                rules = new object[] { new { id = "X-1", field = "colour", @operator = "in", values = new[] { "red" }, score = 10 } },
                bands = new object[] { new { from = 0, to = 30, channel = "green" }, new { from = 40, channel = "red" } },
            },
        }, Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var versions = await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["definition.bands[1].from", "definition.rules[0].field"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(active, versions!.Single(v => v.GetProperty("state").GetString() == "active").GetProperty("version").GetInt32());
        Assert.DoesNotContain(versions!, v => v.GetProperty("note").GetString() == "Broken");
    }

    [Fact]
    public async Task An_amendment_is_assessed_again_and_a_kazakh_aeo_is_relieved_in_kazakhstan()
    {
        factory.SkipUnlessAvailable();
        object Yarn(int reduction) => new { rules = new object[] { new { id = "KZ-TEX-2", field = "hsCode", @operator = "in-range", from = "5205", to = "5207", score = 40 } }, bands = Bands, aeoReduction = reduction };
        await PublishAsync(Yarn(0), "Yellow for yarn, AEO or not");
        var lodged = await LodgeAsync();
        Assert.Equal("yellow", Control(lodged, "KZ").GetProperty("channel").GetString());

        // Kazakhstan registers the trader as an AEO (the demo already has it as one) and relieves AEOs from now on.
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var traderKz = (await admin.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/organisations", UriKind.Relative), Ct))!
            .Single(o => o.GetProperty("name").GetString() == "Steppe Cotton LLP (demo)").GetProperty("id").GetString();
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var certificate = $"KZ-AEO-{Guid.NewGuid():N}"[..20];
        var registered = await analyst.PostAsJsonAsync(new Uri("/api/v1/risk/KZ/operators", UriKind.Relative), new { organisation = traderKz, certificateNumber = certificate, validFrom = "2026-01-01", validUntil = "2029-12-31" }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var register = (await analyst.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/risk/KZ/operators", UriKind.Relative), Ct))!;
        Assert.Contains(register, o => o.GetProperty("certificateNumber").GetString() == certificate && o.GetProperty("status").GetString() == "active");
        await PublishAsync(Yarn(30), "Yellow for yarn; AEOs relieved");

        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var amended = JsonSerializer.SerializeToNode(Declarations.CottonYarnChinaKazakhstanUzbekistan(), JsonSerializerOptions.Web)!;
        amended["transportMeans"] = "Truck 01 KZ 123 AEO";
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/consignments/{lodged.GetProperty("id").GetString()}", UriKind.Relative)) { Content = JsonContent.Create(amended) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await trader.SendAsync(put, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("green", Control(body, "KZ").GetProperty("channel").GetString());
        var assessments = await AssessmentsAsync(lodged);
        Assert.Equal([2, 1], assessments.Select(a => a.GetProperty("declarationVersion").GetInt32()));
        var latest = assessments[0].GetProperty("assessment");
        Assert.True(latest.GetProperty("aeo").GetProperty("applied").GetBoolean());
        Assert.Contains("AEO of KZ", latest.GetProperty("aeo").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, latest.GetProperty("score").GetInt32());
        Assert.Equal(40, assessments[1].GetProperty("assessment").GetProperty("score").GetInt32());
    }
}

public sealed class RiskSelectivityOnSqlite(SqliteDemoWebFactory factory) : RiskSelectivityTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class RiskSelectivityOnPostgres(PostgresDemoWebFactory factory) : RiskSelectivityTests(factory), IClassFixture<PostgresDemoWebFactory>;
