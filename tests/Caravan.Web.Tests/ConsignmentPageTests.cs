using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// The trade pages over HTTP: who may open which, the lodging form refusing a wrong declaration field by field without
/// storing anything, lodging once for a double submit, and an officer's decision refused when the state does not allow it.
/// </summary>
public sealed partial class ConsignmentPageTests(SqliteDemoWebFactory factory) : IClassFixture<SqliteDemoWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The form fields of the sample declaration, named as the lodging form names them.</summary>
    private static Dictionary<string, string> ValidForm(string token, string idempotencyKey) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["idempotencyKey"] = idempotencyKey,
        ["declarant.name"] = "Steppe Cotton LLP",
        ["declarant.country"] = "KZ",
        ["declarant.nationalIdentifier"] = "210440012348",
        ["exporter.name"] = "Tianshan Textiles Co., Ltd.",
        ["exporter.country"] = "CN",
        ["exporter.nationalIdentifier"] = "91650100123456788W",
        ["importer.name"] = "Tashkent Weaving LLC",
        ["importer.country"] = "UZ",
        ["importer.nationalIdentifier"] = "301234567",
        ["goodsItems[0].hsCode"] = "520512",
        ["goodsItems[0].description"] = "Cotton yarn, single, uncombed, 20 tex",
        ["goodsItems[0].quantity"] = "18000",
        ["goodsItems[0].unit"] = "KGM",
        ["goodsItems[0].grossMassKg"] = "18600",
        ["goodsItems[0].netMassKg"] = "18000",
        ["goodsItems[0].value"] = "52200",
        ["goodsItems[0].currency"] = "USD",
        ["goodsItems[0].countryOfOrigin"] = "CN",
        ["goodsItems[0].packages"] = "600",
        ["goodsItems[0].packageType"] = "BG",
        ["containers[0].number"] = "CSQU3054383",
        ["containers[0].seals"] = "CN-2026-000118",
        ["transportMode"] = "3",
        ["transportMeans"] = "Truck with trailer",
        ["countryOfDispatch"] = "CN",
        ["transit[0]"] = "KZ",
        ["countryOfDestination"] = "UZ",
        ["route.crossings[0]"] = "CN-KZ-01",
        ["route.crossings[1]"] = "KZ-UZ-01",
        ["action"] = "lodge",
    };

    private async Task<int> CountVisibleAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/consignments", UriKind.Relative), Ct))!.Count;

    private async Task<(HttpClient Client, string Token)> FormAsync(DemoPerson person)
    {
        var client = await factory.ClientAsync(person);
        var html = await client.GetStringAsync(new Uri("/consignments/new", UriKind.Relative), Ct);
        return (client, SignIn.Token(html));
    }

    [Theory]
    [InlineData("trader.kz@demo.caravan", "/consignments/new")]
    [InlineData("trader.kz@demo.caravan", "/consignments")]
    [InlineData("trader.kz@demo.caravan", "/consignments/{id}")]
    [InlineData("officer.kz@demo.caravan", "/consignments")]
    [InlineData("officer.kz@demo.caravan", "/consignments/{id}")]
    [InlineData("officer.kz@demo.caravan", "/customs/queue")]
    [InlineData("officer.kz@demo.caravan", "/customs/queue?state=pre-arrival&crossing=CN-KZ-01&p=1")]
    [InlineData("officer.kz@demo.caravan", "/customs/controls/{kz-control}")]
    [InlineData("analyst.kz@demo.caravan", "/consignments/{id}")]
    public async Task The_right_person_opens_the_trade_pages(string email, string path)
    {
        var client = await factory.ClientAsync(DemoPerson.All.Single(p => p.Email == email));

        var response = await client.GetAsync(new Uri(await ResolveAsync(path), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "/consignments/new", "/account/signin")]
    [InlineData(null, "/consignments/{id}", "/account/signin")]
    [InlineData("officer.kz@demo.caravan", "/consignments/new", "/account/denied")]
    [InlineData("trader.kz@demo.caravan", "/customs/queue", "/account/denied")]
    [InlineData("trader.kz@demo.caravan", "/customs/controls/{kz-control}", "/account/denied")]
    [InlineData("trader.cn@demo.caravan", "/consignments/{id}", "/account/denied")]
    [InlineData("officer.cn@demo.caravan", "/customs/controls/{kz-control}", "/account/denied")]
    [InlineData("secretariat@demo.caravan", "/consignments", "/account/denied")]
    public async Task The_wrong_person_is_sent_to_sign_in_or_told_it_is_not_permitted(string? email, string path, string sentTo)
    {
        var client = await factory.ClientAsync(email is null ? null : DemoPerson.All.Single(p => p.Email == email));

        var response = await client.GetAsync(new Uri(await ResolveAsync(path), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(sentTo, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_declaration_comes_back_with_each_error_next_to_its_field_and_nothing_is_stored()
    {
        var (client, token) = await FormAsync(DemoPerson.TraderKz);
        var before = await CountVisibleAsync(client);
        var form = ValidForm(token, Guid.NewGuid().ToString());
        form["goodsItems[0].netMassKg"] = "19000";
        form["route.crossings[1]"] = "CN-KZ-01";
        form["goodsItems[0].packages"] = "six hundred";

        var response = await client.PostAsync(new Uri("/consignments/new", UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(InvalidInput("f-goodsItems-0-netMassKg"), html);
        Assert.Matches(InvalidInput("f-goodsItems-0-packages"), html);
        Assert.Contains("id=\"f-goodsItems-0-netMassKg-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-route-crossings-1-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-goodsItems-0-netMassKg\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-route-crossings-1\"", html, StringComparison.Ordinal);
        // What the trader typed is kept.
        Assert.Contains("value=\"six hundred\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Tashkent Weaving LLC\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountVisibleAsync(client));
    }

    [Fact]
    public async Task A_valid_declaration_is_lodged_once_even_when_submitted_twice_and_leads_to_its_page()
    {
        var (client, token) = await FormAsync(DemoPerson.TraderKz);
        var before = await CountVisibleAsync(client);
        var form = ValidForm(token, Guid.NewGuid().ToString());

        var first = await client.PostAsync(new Uri("/consignments/new", UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        var second = await client.PostAsync(new Uri("/consignments/new", UriKind.Relative), new FormUrlEncodedContent(form), Ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Matches(ConsignmentPage(), first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await CountVisibleAsync(client));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(first.Headers.Location, Ct));
        Assert.Contains("Cotton yarn, single, uncombed, 20 tex", page, StringComparison.Ordinal);
        Assert.Contains("CN-KZ-01", page, StringComparison.Ordinal);
        Assert.Contains("Pre-arrival", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_goods_item_without_a_script_keeps_what_was_typed_and_lodges_nothing()
    {
        var (client, token) = await FormAsync(DemoPerson.TraderKz);
        var before = await CountVisibleAsync(client);
        var form = ValidForm(token, Guid.NewGuid().ToString());
        form["action"] = "add-item";

        var response = await client.PostAsync(new Uri("/consignments/new", UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"goodsItems[1].hsCode\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"520512\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountVisibleAsync(client));
    }

    [Fact]
    public async Task An_officer_decides_on_the_decision_page_and_a_decision_the_state_does_not_allow_is_refused_clearly()
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var lodged = await (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var control = lodged.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);
        var path = new Uri($"/customs/controls/{control}", UriKind.Relative);
        var token = SignIn.Token(await officer.GetStringAsync(path, Ct));

        var accepted = await officer.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "accept" }), Ct);
        var again = await officer.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "accept" }), Ct);
        var refusal = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct));
        var noReason = await officer.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "refuse" }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This decision is not possible: the control is now Under assessment.", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync(path, Ct));
        Assert.Contains("value=\"release\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"accept\"", page, StringComparison.Ordinal);
    }

    private async Task<string> ResolveAsync(string path)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return path;
        }

        var id = await factory.ConsignmentOfTraderKzAsync();
        if (path.Contains("{kz-control}", StringComparison.Ordinal))
        {
            var trader = await factory.ClientAsync(DemoPerson.TraderKz);
            var view = await trader.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/consignments/{id}", UriKind.Relative), Ct);
            var control = view.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
            return path.Replace("{kz-control}", control, StringComparison.Ordinal);
        }

        return path.Replace("{id}", id, StringComparison.Ordinal);
    }

    private static Regex InvalidInput(string id) => new($"<input id=\"{Regex.Escape(id)}\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"[^\"]*{Regex.Escape(id)}-error\"");

    [GeneratedRegex("^/consignments/[0-9a-f-]{36}")]
    private static partial Regex ConsignmentPage();
}
