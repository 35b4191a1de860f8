using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>The declaration's code lists, as a trader's software reads them.</summary>
public sealed class CodeListApiTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    [Theory]
    [InlineData("currencies", "KZT")]
    [InlineData("units", "KGM")]
    [InlineData("package-types", "CT")]
    [InlineData("transport-modes", "2")]
    public async Task Each_list_holds_the_codes_a_declaration_accepts(string list, string code)
    {
        var items = await factory.CreateClient().GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/code-lists/{list}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains(items!, i => i.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task The_member_states_currencies_are_all_listed_with_their_minor_units()
    {
        var items = await factory.CreateClient().GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/code-lists/currencies", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var code in new[] { "CNY", "KZT", "KGS", "TJS", "TMT", "UZS" })
        {
            Assert.Contains(items!, i => i.GetProperty("code").GetString() == code && i.GetProperty("minorUnit").GetInt32() == 2);
        }
    }

    [Fact]
    public async Task An_unknown_list_is_a_404_naming_the_lists()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/code-lists/colours", UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("currencies, units, package-types, transport-modes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
