using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// The lodging trader corrects a declaration before release: against the version it read (If-Match), validated like a
/// lodging, kept as a new version with what changed, and refused once an administration has released it.
/// </summary>
public abstract class AmendmentTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Declaration() => JsonSerializer.SerializeToNode(Declarations.CottonYarnChinaKazakhstanUzbekistan(), JsonSerializerOptions.Web)!.AsObject();

    private static async Task<(string Id, string ETag, JsonElement Body)> LodgeAsync(HttpClient trader)
    {
        var response = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declaration(), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (body.GetProperty("id").GetString()!, response.Headers.ETag!.Tag, body);
    }

    private static async Task<HttpResponseMessage> AmendAsync(HttpClient client, string id, JsonNode declaration, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/consignments/{id}", UriKind.Relative)) { Content = JsonContent.Create(declaration) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative), Ct);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task An_amendment_becomes_version_2_with_each_changed_field_before_and_after_and_appears_on_the_timeline()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var (id, etag, _) = await LodgeAsync(trader);
        var amended = Declaration();
        amended["goodsItems"]![0]!["netMassKg"] = 17950m;
        amended["goodsItems"]![0]!["description"] = "Cotton yarn, single, uncombed, 21 tex";
        amended["containers"]![0]!["seals"]!.AsArray().Add("CN-2026-000119");

        var response = await AmendAsync(trader, id, amended, etag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal("\"1\"", etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal(17950m, body.GetProperty("declaration").GetProperty("goodsItems")[0].GetProperty("netMassKg").GetDecimal());

        var versions = (await GetAsync(trader, $"/api/v1/consignments/{id}/versions")).EnumerateArray().ToList();
        Assert.Equal([(1, "lodged"), (2, "amended")], versions.Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("kind").GetString())));
        Assert.Empty(versions[0].GetProperty("changes").EnumerateArray());
        Assert.Equal(18000m, versions[0].GetProperty("declaration").GetProperty("goodsItems")[0].GetProperty("netMassKg").GetDecimal());
        var changes = versions[1].GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("field").GetString()}: {c.GetProperty("before").GetString() ?? "∅"} → {c.GetProperty("after").GetString()}").ToList();
        Assert.Equal(
            [
                "goodsItems[0].description: Cotton yarn, single, uncombed, 20 tex → Cotton yarn, single, uncombed, 21 tex",
                "goodsItems[0].netMassKg: 18000 → 17950",
                "containers[0].seals[1]: ∅ → CN-2026-000119",
            ],
            changes);

        // The administrations on the route see the new version and what changed.
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        Assert.Equal(2, (await GetAsync(kz, $"/api/v1/consignments/{id}")).GetProperty("version").GetInt32());
        var timeline = (await GetAsync(kz, $"/api/v1/consignments/{id}/timeline")).EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("detail").GetString())).ToList();
        Assert.Contains(("amended", "version 2: goodsItems[0].description, goodsItems[0].netMassKg, containers[0].seals[1]"), timeline);
    }

    [Fact]
    public async Task Without_If_Match_or_against_an_old_version_nothing_changes()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var (id, etag, _) = await LodgeAsync(trader);
        var first = Declaration();
        first["transportMeans"] = "Truck 01 KZ 777 ABC";
        var second = Declaration();
        second["transportMeans"] = "Truck 02 KZ 888 XYZ";

        var missing = await AmendAsync(trader, id, first, null);
        var malformed = await AmendAsync(trader, id, first, "version one");
        var applied = await AmendAsync(trader, id, first, etag);
        var stale = await AmendAsync(trader, id, second, etag);
        var retried = await AmendAsync(trader, id, first, etag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await ProblemAsync(malformed)).GetProperty("errors").TryGetProperty("If-Match", out _));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("version 2", (await ProblemAsync(stale)).GetProperty("detail").GetString());
        // Sending the applied amendment again (a retry after a lost answer) is answered as before, with no new version.
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("\"2\"", retried.Headers.ETag?.Tag);
        var current = await GetAsync(trader, $"/api/v1/consignments/{id}");
        Assert.Equal("Truck 01 KZ 777 ABC", current.GetProperty("declaration").GetProperty("transportMeans").GetString());
        Assert.Equal(2, (await GetAsync(trader, $"/api/v1/consignments/{id}/versions")).GetArrayLength());
    }

    [Fact]
    public async Task An_invalid_amendment_names_its_fields_and_changes_nothing()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var (id, etag, _) = await LodgeAsync(trader);
        var amended = Declaration();
        amended["goodsItems"]![0]!["netMassKg"] = 19000m;
        amended["route"]!["countries"] = new JsonArray("CN", "KG", "UZ");
        amended["route"]!["crossings"] = new JsonArray("CN-KG-01", "KG-UZ-01");
        var unchangedRouteButHeavy = Declaration();
        unchangedRouteButHeavy["goodsItems"]![0]!["netMassKg"] = 19000m;

        var rerouted = await AmendAsync(trader, id, amended, etag);
        var heavy = await AmendAsync(trader, id, unchangedRouteButHeavy, etag);

        Assert.Equal(HttpStatusCode.BadRequest, rerouted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, heavy.StatusCode);
        var errors = (await ProblemAsync(heavy)).GetProperty("errors");
        Assert.Contains("gross", errors.GetProperty("goodsItems[0].netMassKg")[0].GetString(), StringComparison.Ordinal);
        var current = await GetAsync(trader, $"/api/v1/consignments/{id}");
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal(18000m, current.GetProperty("declaration").GetProperty("goodsItems")[0].GetProperty("netMassKg").GetDecimal());
    }

    [Fact]
    public async Task The_countries_of_the_route_stay_and_a_crossing_changes_only_where_no_administration_has_begun()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var (id, etag, lodged) = await LodgeAsync(trader);
        var throughKyrgyzstan = Declaration();
        throughKyrgyzstan["route"]!["countries"] = new JsonArray("CN", "KG", "UZ");
        throughKyrgyzstan["route"]!["crossings"] = new JsonArray("CN-KG-01", "KG-UZ-01");

        var rerouted = await AmendAsync(trader, id, throughKyrgyzstan, etag);
        Assert.Equal(HttpStatusCode.BadRequest, rerouted.StatusCode);
        Assert.Contains("cannot change after lodging", (await ProblemAsync(rerouted)).GetProperty("errors").GetProperty("route.countries")[0].GetString(), StringComparison.Ordinal);

        // Bakhty instead of Nur Zholy, while no one has begun: the controls follow.
        var viaBakhty = Declaration();
        viaBakhty["route"]!["crossings"]![0] = "CN-KZ-05";
        var moved = await SucceededAsync(await AmendAsync(trader, id, viaBakhty, etag));
        Assert.Equal(["CN:>CN-KZ-05", "KZ:CN-KZ-05>KZ-UZ-01", "UZ:KZ-UZ-01>"], Crossings(moved));

        // Kazakhstan orders a physical inspection at Bakhty: that crossing can no longer change.
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        var kzControl = lodged.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
        Assert.True((await kz.PostAsJsonAsync(new Uri($"/api/v1/controls/{kzControl}/decisions", UriKind.Relative), new { decision = "accept" }, Ct)).IsSuccessStatusCode);
        Assert.True((await kz.PostAsJsonAsync(new Uri($"/api/v1/controls/{kzControl}/decisions", UriKind.Relative), new { decision = "order-physical-inspection", reasonCode = "risk-profile" }, Ct)).IsSuccessStatusCode);
        var back = Declaration();
        var refused = await AmendAsync(trader, id, back, "\"2\"");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("inspection", (await ProblemAsync(refused)).GetProperty("errors").GetProperty("route.crossings[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_an_administration_has_released_it_or_it_is_cancelled_the_declaration_is_final()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var (id, etag, lodged) = await LodgeAsync(trader);
        var cn = await factory.MachineClientAsync("demo-customs-cn");
        var cnControl = lodged.GetProperty("controls")[0].GetProperty("id").GetString();
        Assert.True((await cn.PostAsJsonAsync(new Uri($"/api/v1/controls/{cnControl}/decisions", UriKind.Relative), new { decision = "accept" }, Ct)).IsSuccessStatusCode);
        Assert.True((await cn.PostAsJsonAsync(new Uri($"/api/v1/controls/{cnControl}/decisions", UriKind.Relative), new { decision = "release" }, Ct)).IsSuccessStatusCode);
        var amended = Declaration();
        amended["transportMeans"] = "Another truck";

        var afterRelease = await AmendAsync(trader, id, amended, etag);

        Assert.Equal(HttpStatusCode.Conflict, afterRelease.StatusCode);
        Assert.Contains("CN", (await ProblemAsync(afterRelease)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (other, otherTag, _) = await LodgeAsync(trader);
        Assert.True((await trader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{other}/cancellation", UriKind.Relative), new { reason = "Order withdrawn by the buyer" }, Ct)).IsSuccessStatusCode);
        var afterCancel = await AmendAsync(trader, other, amended, "\"2\"");
        Assert.Equal(HttpStatusCode.Conflict, afterCancel.StatusCode);
        Assert.Equal("\"1\"", otherTag);
    }

    [Fact]
    public async Task Only_the_trader_that_lodged_it_amends_it()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var (id, etag, _) = await LodgeAsync(trader);
        var amended = Declaration();
        amended["transportMeans"] = "Someone else's truck";

        var otherTrader = await AmendAsync(await factory.ClientAsync(DemoPerson.TraderCn), id, amended, etag);
        var officer = await AmendAsync(await factory.MachineClientAsync("demo-customs-kz"), id, amended, etag);

        Assert.Equal(HttpStatusCode.Forbidden, otherTrader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Equal(1, (await GetAsync(trader, $"/api/v1/consignments/{id}")).GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> SucceededAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    private static List<string> Crossings(JsonElement consignment) =>
        consignment.GetProperty("controls").EnumerateArray()
            .Select(c => $"{c.GetProperty("country").GetString()}:{c.GetProperty("entryCrossingId").GetString()}>{c.GetProperty("exitCrossingId").GetString()}").ToList();
}

public sealed class AmendmentOnSqlite(SqliteDemoWebFactory factory) : AmendmentTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class AmendmentOnPostgres(PostgresDemoWebFactory factory) : AmendmentTests(factory), IClassFixture<PostgresDemoWebFactory>;
