using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// A refused declaration reads in the trader's language (ADR 0006): the same problems under the same field names,
/// in Russian or Chinese when the request asks for it, in English otherwise.
/// </summary>
public abstract class LocalizedProblemTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A mistyped container number, a heading for a subheading, RMB, net above gross, a crossing on another border.</summary>
    private static readonly object Invalid = new
    {
        declarant = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
        exporter = new { name = "Tianshan Textiles", country = "CN", nationalIdentifier = "91650100123456788W" },
        importer = new { name = "Tashkent Weaving LLC", country = "UZ", nationalIdentifier = "301234567" },
        goodsItems = new[] { new { hsCode = "5205", description = "Yarn", quantity = 1m, unit = "KGM", grossMassKg = 10m, netMassKg = 12.5m, value = 5m, currency = "RMB", countryOfOrigin = "CN" } },
        containers = new[] { new { number = "CSQU3054384", seals = new[] { "CN-2026-000118" } } },
        transportMode = "3",
        countryOfDispatch = "CN",
        countryOfDestination = "UZ",
        route = new { countries = new[] { "CN", "KZ", "UZ" }, crossings = new[] { "CN-KZ-01", "TJ-UZ-01" } },
    };

    private static readonly string[] Fields =
        ["containers[0].number", "goodsItems[0].currency", "goodsItems[0].hsCode", "goodsItems[0].netMassKg", "route.crossings[1]"];

    private async Task<Dictionary<string, string>> LodgeAsync(string? language)
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/consignments", UriKind.Relative)) { Content = JsonContent.Create(Invalid) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await trader.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => Assert.Single(e.Value.EnumerateArray()).GetString()!);
    }

    [Fact]
    public async Task Without_a_language_the_problems_are_in_English()
    {
        factory.SkipUnlessAvailable();

        var errors = await LodgeAsync(null);

        Assert.Equal(Fields, errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("12.5 kg is more than the gross mass 10 kg; net mass excludes packing, so it cannot exceed gross.", errors["goodsItems[0].netMassKg"]);
        Assert.Equal("In 'CSQU3054384' the check digit should be 3, not 4: the number is mistyped.", errors["containers[0].number"]);
        Assert.Equal("'RMB' is not an ISO 4217 code; the Chinese yuan is CNY.", errors["goodsItems[0].currency"]);
    }

    [Fact]
    public async Task With_Accept_Language_ru_the_problems_are_in_Russian_under_the_same_fields()
    {
        factory.SkipUnlessAvailable();

        var errors = await LodgeAsync("ru-RU,ru;q=0.9,en;q=0.5");

        Assert.Equal(Fields, errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("масса нетто 12.5 кг больше массы брутто 10 кг; масса нетто не включает упаковку и не может превышать массу брутто.", errors["goodsItems[0].netMassKg"]);
        Assert.Equal("в «CSQU3054384» контрольная цифра должна быть 3, а не 4: номер введён с ошибкой.", errors["containers[0].number"]);
        Assert.Equal("5205 — это товарная позиция; укажите шестизначную субпозицию.", errors["goodsItems[0].hsCode"]);
        Assert.Equal("«RMB» — не код ISO 4217; китайский юань обозначается CNY.", errors["goodsItems[0].currency"]);
        Assert.StartsWith("TJ-UZ-01 соединяет TJ и UZ, а не KZ и UZ; используйте один из: KZ-UZ-", errors["route.crossings[1]"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Accept_Language_zh_Hans_the_problems_are_in_Chinese_under_the_same_fields()
    {
        factory.SkipUnlessAvailable();

        var errors = await LodgeAsync("zh-Hans");

        Assert.Equal(Fields, errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("净重 12.5 千克大于毛重 10 千克；净重不含包装，不能超过毛重。", errors["goodsItems[0].netMassKg"]);
        Assert.Equal("“CSQU3054384”的校验位应为 3，而不是 4：号码输入有误。", errors["containers[0].number"]);
        Assert.Equal("5205 是品目；请申报 6 位子目。", errors["goodsItems[0].hsCode"]);
        Assert.Equal("“RMB”不是 ISO 4217 代码；人民币的代码为 CNY。", errors["goodsItems[0].currency"]);
        Assert.StartsWith("TJ-UZ-01 连接 TJ 与 UZ，而不是 KZ 与 UZ；请使用 KZ-UZ-", errors["route.crossings[1]"], StringComparison.Ordinal);
    }
}

public sealed class LocalizedProblemsOnSqlite(SqliteDemoWebFactory factory) : LocalizedProblemTests(factory), IClassFixture<SqliteDemoWebFactory>;
