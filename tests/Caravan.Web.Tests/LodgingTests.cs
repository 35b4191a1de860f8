using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Platform.Audit;
using Caravan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests;

/// <summary>A trader declares a consignment once; every administration on the route gets a control.</summary>
public abstract class LodgingTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> LodgeAsync(HttpClient client, object declaration, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/consignments", UriKind.Relative)) { Content = JsonContent.Create(declaration) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Lodging_creates_an_export_a_transit_and_an_import_control_on_the_route()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);

        var response = await LodgeAsync(trader, Declarations.CottonYarnChinaKazakhstanUzbekistan());
        var consignment = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches(@"^CV-20\d\d-[0-9A-HJKMNP-TV-Z]{8}$", consignment.GetProperty("reference").GetString());
        var controls = consignment.GetProperty("controls").EnumerateArray()
            .Select(c => $"{c.GetProperty("country").GetString()}:{c.GetProperty("role").GetString()}:{c.GetProperty("entryCrossingId").GetString()}>{c.GetProperty("exitCrossingId").GetString()}:{c.GetProperty("state").GetString()}")
            .ToList();
        Assert.Equal(["CN:export:>CN-KZ-01:pre-arrival", "KZ:transit:CN-KZ-01>KZ-UZ-01:pre-arrival", "UZ:import:KZ-UZ-01>:pre-arrival"], controls);
        Assert.Equal(response.Headers.Location?.OriginalString, $"/api/v1/consignments/{consignment.GetProperty("id").GetString()}");
    }

    [Fact]
    public async Task Each_administration_on_the_route_sees_the_consignment_and_one_off_the_route_does_not()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var id = (await (await LodgeAsync(trader, Declarations.CottonYarnChinaKazakhstanUzbekistan())).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var china = await (await factory.MachineClientAsync("demo-customs-cn")).GetAsync(new Uri($"/api/v1/consignments/{id}", UriKind.Relative), Ct);
        var uzbekistan = await (await factory.MachineClientAsync("demo-customs-uz")).GetAsync(new Uri($"/api/v1/consignments/{id}", UriKind.Relative), Ct);
        var kyrgyzstan = await (await factory.MachineClientAsync("demo-customs-kg")).GetAsync(new Uri($"/api/v1/consignments/{id}", UriKind.Relative), Ct);
        var kyrgyzList = await (await factory.MachineClientAsync("demo-customs-kg")).GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/consignments", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, china.StatusCode);
        Assert.Equal(HttpStatusCode.OK, uzbekistan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, kyrgyzstan.StatusCode);
        Assert.DoesNotContain(kyrgyzList!, c => c.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_result_and_another_body_with_it_is_a_conflict()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var key = Guid.NewGuid().ToString();

        var first = await (await LodgeAsync(trader, Declarations.CottonYarnChinaKazakhstanUzbekistan(), key)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var again = await LodgeAsync(trader, Declarations.CottonYarnChinaKazakhstanUzbekistan(), key);
        var other = await LodgeAsync(trader, Declarations.CottonYarnChinaKazakhstanUzbekistan("Cotton yarn, combed"), key);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.GetProperty("reference").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_declaration_with_problems_is_refused_with_all_of_them_and_nothing_is_stored()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var before = (await trader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/consignments", UriKind.Relative), Ct))!.Count;
        var declaration = new
        {
            declarant = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
            exporter = new { name = "Tianshan Textiles", country = "CN", nationalIdentifier = "91650100123456788W" },
            importer = new { name = "Tashkent Weaving LLC", country = "UZ", nationalIdentifier = "301234567" },
            goodsItems = new[] { new { hsCode = "999998", description = "Yarn", quantity = 1m, unit = "KGM", grossMassKg = 10m, netMassKg = 12m, value = 5m, currency = "RMB", countryOfOrigin = "CN" } },
            transportMode = "3",
            countryOfDispatch = "CN",
            countryOfDestination = "UZ",
            route = new { countries = new[] { "CN", "KZ", "UZ" }, crossings = new[] { "CN-KZ-01", "TJ-UZ-01" } },
        };

        var response = await LodgeAsync(trader, declaration);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["goodsItems[0].currency", "goodsItems[0].hsCode", "goodsItems[0].netMassKg", "route.crossings[1]"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, (await trader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/consignments", UriKind.Relative), Ct))!.Count);
    }

    [Fact]
    public async Task Lodging_is_on_the_audit_log()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);

        var id = (await (await LodgeAsync(trader, Declarations.CottonYarnChinaKazakhstanUzbekistan())).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<IAuditQuery>().ListAsync(new AuditFilter { ActionPrefix = "trade.consignment.lodged", EntityId = id }, cancellationToken: Ct);
        Assert.Single(entries.Entries);
    }
}

public abstract class CancellationTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_trader_withdraws_a_consignment_with_a_reason_once_and_not_after_a_release()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var first = await (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var second = await (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var china = await factory.MachineClientAsync("demo-customs-cn");
        var chinaControl = second.GetProperty("controls")[0].GetProperty("id").GetString();
        await china.PostAsJsonAsync(new Uri($"/api/v1/controls/{chinaControl}/decisions", UriKind.Relative), new { decision = "accept" }, Ct);
        await china.PostAsJsonAsync(new Uri($"/api/v1/controls/{chinaControl}/decisions", UriKind.Relative), new { decision = "release" }, Ct);

        var cancelled = await trader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{first.GetProperty("id").GetString()}/cancellation", UriKind.Relative), new { reason = "Buyer withdrew the order" }, Ct);
        var again = await trader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{first.GetProperty("id").GetString()}/cancellation", UriKind.Relative), new { reason = "Again" }, Ct);
        var afterRelease = await trader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{second.GetProperty("id").GetString()}/cancellation", UriKind.Relative), new { reason = "Too late" }, Ct);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = await cancelled.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("cancelled", view.GetProperty("status").GetString());
        Assert.All(view.GetProperty("controls").EnumerateArray(), c => Assert.Equal("cancelled", c.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterRelease.StatusCode);
    }
}

public sealed class CancellationOnSqlite(SqliteDemoWebFactory factory) : CancellationTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class CancellationOnPostgres(PostgresDemoWebFactory factory) : CancellationTests(factory), IClassFixture<PostgresDemoWebFactory>;

public sealed class LodgingOnSqlite(SqliteDemoWebFactory factory) : LodgingTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class LodgingOnPostgres(PostgresDemoWebFactory factory) : LodgingTests(factory), IClassFixture<PostgresDemoWebFactory>;
