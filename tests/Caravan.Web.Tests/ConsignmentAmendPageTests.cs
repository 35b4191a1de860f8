using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// The consignment page's own work for the trader that lodged it: amending through the lodging form filled in with
/// the declaration as it stands (refused field by field, or refused whole when someone else amended first), the
/// versions with what each changed, withdrawing with a reason; and the channel, explained to the officer only.
/// </summary>
public sealed partial class ConsignmentAmendPageTests(SqliteDemoWebFactory factory) : IClassFixture<SqliteDemoWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> LodgeAsync()
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var response = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> ViewAsync(string id)
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        return await trader.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/consignments/{id}", UriKind.Relative), Ct);
    }

    /// <summary>Every value the amend form shows, as the browser would post it back untouched.</summary>
    private static Dictionary<string, string> FormOf(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(html))
        {
            var value = Value().Match(input.Value);
            fields[WebUtility.HtmlDecode(input.Groups[1].Value)] = value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
        }

        foreach (Match select in Select().Matches(html))
        {
            var chosen = Selected().Match(select.Groups[2].Value);
            fields[WebUtility.HtmlDecode(select.Groups[1].Value)] = chosen.Success ? WebUtility.HtmlDecode(chosen.Groups[1].Value) : string.Empty;
        }

        fields["action"] = "amend";
        return fields;
    }

    private async Task<(HttpClient Client, Dictionary<string, string> Form)> AmendFormAsync(string id)
    {
        var client = await factory.ClientAsync(DemoPerson.TraderKz);
        var html = await client.GetStringAsync(new Uri($"/consignments/{id}/amend", UriKind.Relative), Ct);
        return (client, FormOf(html));
    }

    [Fact]
    public async Task Only_the_lodging_trader_opens_the_amend_page_and_it_is_the_form_filled_in()
    {
        var id = await LodgeAsync();
        var path = new Uri($"/consignments/{id}/amend", UriKind.Relative);

        var own = await (await factory.ClientAsync(DemoPerson.TraderKz)).GetAsync(path, Ct);
        var other = await (await factory.ClientAsync(DemoPerson.All.Single(p => p.Email == "trader.cn@demo.caravan"))).GetAsync(path, Ct);
        var officer = await (await factory.ClientAsync(DemoPerson.OfficerKz)).GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var form = FormOf(await own.Content.ReadAsStringAsync(Ct));
        Assert.Equal("1", form["version"]);
        Assert.Equal("18000", form["goodsItems[0].netMassKg"]);
        Assert.Equal("KZ", form["transit[0]"]);
        Assert.Equal("KZ-UZ-01", form["route.crossings[1]"]);
        Assert.Equal("CN-2026-000118", form["containers[0].seals"]);
        // Forbidden: a page sends the browser to the explanation rather than a bare 403.
        foreach (var refused in new[] { other, officer })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_amendment_comes_back_with_its_errors_inline_and_changes_nothing()
    {
        var id = await LodgeAsync();
        var (client, form) = await AmendFormAsync(id);
        form["goodsItems[0].netMassKg"] = "19000";
        form["goodsItems[0].packages"] = "many";

        var response = await client.PostAsync(new Uri($"/consignments/{id}/amend", UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(InvalidInput("f-goodsItems-0-netMassKg"), html);
        Assert.Matches(InvalidInput("f-goodsItems-0-packages"), html);
        Assert.Contains("href=\"#f-goodsItems-0-netMassKg\"", html, StringComparison.Ordinal);
        Assert.Contains("The declaration has 2 problems to fix", html, StringComparison.Ordinal);
        Assert.Contains("value=\"many\"", html, StringComparison.Ordinal);
        var view = await ViewAsync(id);
        Assert.Equal(1, view.GetProperty("version").GetInt32());
        Assert.Equal(18000m, view.GetProperty("declaration").GetProperty("goodsItems")[0].GetProperty("netMassKg").GetDecimal());
    }

    [Fact]
    public async Task Saving_the_form_untouched_makes_no_new_version()
    {
        var id = await LodgeAsync();
        var (client, form) = await AmendFormAsync(id);

        var response = await client.PostAsync(new Uri($"/consignments/{id}/amend", UriKind.Relative), new FormUrlEncodedContent(form), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("unchanged=1", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, (await ViewAsync(id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_valid_amendment_makes_version_2_and_the_page_shows_what_changed()
    {
        var id = await LodgeAsync();
        var (client, form) = await AmendFormAsync(id);
        form["goodsItems[0].netMassKg"] = "17950";
        form["transportMeans"] = "Truck 01 KZ 777 ABC";

        var response = await client.PostAsync(new Uri($"/consignments/{id}/amend", UriKind.Relative), new FormUrlEncodedContent(form), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, (await ViewAsync(id)).GetProperty("version").GetInt32());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location, Ct));
        Assert.Contains("The declaration is amended: this is version 2.", page, StringComparison.Ordinal);
        Assert.Contains("Version 2 · amended", page, StringComparison.Ordinal);
        Assert.Contains("Version 1 · lodged", page, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<tr data-field=""goodsItems\[0\]\.netMassKg""><th scope=""row"">Goods item 1 · Net mass \(kg\)</th><td><del>18000</del></td><td><ins>17950</ins></td></tr>"), page);
        Assert.Matches(new Regex(@"<th scope=""row"">Means of transport</th><td><del>Truck with trailer</del></td><td><ins>Truck 01 KZ 777 ABC</ins></td>"), page);
        Assert.Contains(", by you", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amendment_made_against_a_version_someone_replaced_is_refused_with_the_way_to_reload()
    {
        var id = await LodgeAsync();
        var (client, stale) = await AmendFormAsync(id);
        var (_, first) = await AmendFormAsync(id);
        first["transportMeans"] = "Truck 01 KZ 111 AAA";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri($"/consignments/{id}/amend", UriKind.Relative), new FormUrlEncodedContent(first), Ct)).StatusCode);
        stale["goodsItems[0].description"] = "Cotton yarn, combed";

        var response = await client.PostAsync(new Uri($"/consignments/{id}/amend", UriKind.Relative), new FormUrlEncodedContent(stale), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("it is now at version 2", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/consignments/{id}/amend\">Reload the current declaration", html, StringComparison.Ordinal);
        var view = await ViewAsync(id);
        Assert.Equal(2, view.GetProperty("version").GetInt32());
        Assert.Equal("Cotton yarn, single, uncombed, 20 tex", view.GetProperty("declaration").GetProperty("goodsItems")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_then_the_consignment_is_cancelled_and_no_longer_amendable()
    {
        var id = await LodgeAsync();
        var client = await factory.ClientAsync(DemoPerson.TraderKz);
        var path = new Uri($"/consignments/{id}", UriKind.Relative);
        var page = await client.GetStringAsync(path, Ct);
        Assert.Contains($"href=\"/consignments/{id}/amend\"", page, StringComparison.Ordinal);
        var token = SignIn.Token(page);
        var withdraw = new Uri($"/consignments/{id}?handler=Withdraw", UriKind.Relative);

        var noReason = await client.PostAsync(withdraw, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["reason"] = "  " }), Ct);
        var refused = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("id=\"reason-error\"", refused, StringComparison.Ordinal);
        Assert.Equal("lodged", (await ViewAsync(id)).GetProperty("status").GetString());

        var done = await client.PostAsync(withdraw, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["reason"] = "The buyer cancelled the order." }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(done.Headers.Location, Ct));
        Assert.Contains("The consignment is withdrawn.", after, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"class=""status status-cancelled"" data-status>Cancelled<"), after);
        Assert.DoesNotContain($"href=\"/consignments/{id}/amend\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Withdraw", after, StringComparison.Ordinal);
        Assert.Equal("cancelled", (await ViewAsync(id)).GetProperty("status").GetString());
        var amend = await client.GetStringAsync(new Uri($"/consignments/{id}/amend", UriKind.Relative), Ct);
        Assert.DoesNotContain("name=\"goodsItems[0].hsCode\"", amend, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_sees_why_the_channel_and_the_trader_sees_only_the_channel()
    {
        var analyst = await factory.ClientAsync(DemoPerson.AnalystKz);
        var created = await analyst.PostAsJsonAsync(new Uri("/api/v1/risk/KZ/profiles", UriKind.Relative), new
        {
            note = "Yarn under watch",
            definition = new
            {
                rules = new object[] { new { id = "KZ-PAGE-YARN", description = "Cotton yarn under watch", field = "hsCode", @operator = "in-range", from = "5205", to = "5207", score = 70 } },
                bands = new object[] { new { from = 0, to = 30, channel = "green" }, new { from = 30, to = 60, channel = "yellow" }, new { from = 60, channel = "red" } },
                aeoReduction = 0,
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var version = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync(new Uri($"/api/v1/risk/KZ/profiles/{version}/publication", UriKind.Relative), null, Ct)).StatusCode);

        var id = await LodgeAsync();
        var control = (await ViewAsync(id)).GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);
        var decision = WebUtility.HtmlDecode(await officer.GetStringAsync(new Uri($"/customs/controls/{control}", UriKind.Relative), Ct));
        var queue = WebUtility.HtmlDecode(await officer.GetStringAsync(new Uri("/customs/queue", UriKind.Relative), Ct));
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var consignment = WebUtility.HtmlDecode(await trader.GetStringAsync(new Uri($"/consignments/{id}", UriKind.Relative), Ct));

        Assert.Contains("Why this channel", decision, StringComparison.Ordinal);
        Assert.Contains($"Risk profile version {version}", decision, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<tr data-rule=""KZ-PAGE-YARN"">\s*<th scope=""row""><code>KZ-PAGE-YARN</code></th>\s*<td>Cotton yarn under watch</td>\s*<td>Goods item 1 · 520512 Cotton yarn, single, uncombed, 20 tex</td>\s*<td class=""num"">70</td>"), decision);
        Assert.Contains("Total score 70, which gives the Red channel. Channel: Red channel.", decision, StringComparison.Ordinal);
        Assert.Contains("Red channel", queue, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"class=""channel channel-red"" data-channel=""" + control + @""">Red channel<"), consignment);
        Assert.DoesNotContain("KZ-PAGE-YARN", consignment, StringComparison.Ordinal);
        Assert.DoesNotContain("Why this channel", consignment, StringComparison.Ordinal);
    }

    private static Regex InvalidInput(string id) => new($"<input id=\"{Regex.Escape(id)}\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"[^\"]*{Regex.Escape(id)}-error\"");

    [GeneratedRegex(@"<input\b[^>]*\bname=""([^""]+)""[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex(@"\bvalue=""([^""]*)""")]
    private static partial Regex Value();

    [GeneratedRegex(@"<select\b[^>]*\bname=""([^""]+)""[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex(@"<option value=""([^""]*)""[^>]*\bselected\b")]
    private static partial Regex Selected();
}
