using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>The read API of the reference data, run once per database provider.</summary>
public abstract class ReferenceApiTests(CaravanWebFactory factory)
{
    private HttpClient Client()
    {
        factory.SkipUnlessAvailable();
        return factory.CreateClient();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    private static string FieldError(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task A_subheading_comes_with_its_heading_and_chapter_as_parents()
    {
        var hs = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/hs/520512", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal("520512", hs.GetProperty("entry").GetProperty("code").GetString());
        Assert.Equal("subheading", hs.GetProperty("entry").GetProperty("level").GetString());
        var parents = hs.GetProperty("parents").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Equal(["52", "5205"], parents);
        Assert.Equal("XI", hs.GetProperty("section").GetProperty("roman").GetString());
    }

    [Fact]
    public async Task A_heading_lists_its_subheadings_and_has_a_russian_name()
    {
        var hs = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/hs/5205", UriKind.Relative), TestContext.Current.CancellationToken));

        var children = hs.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        Assert.Contains("520512", children);
        Assert.All(children, c => Assert.StartsWith("5205", c, StringComparison.Ordinal));
        Assert.Contains("ПРЯЖА", hs.GetProperty("entry").GetProperty("descriptionRu").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kazakhstan_crossings_include_Khorgos_and_Dostyk()
    {
        var list = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/border-crossings?country=KZ", UriKind.Relative), TestContext.Current.CancellationToken));

        var crossings = list.EnumerateArray().ToList();
        Assert.All(crossings, c => Assert.True(
            c.GetProperty("sideA").GetProperty("country").GetString() == "KZ" || c.GetProperty("sideB").GetProperty("country").GetString() == "KZ"));
        var names = crossings.Select(c => c.GetProperty("sideA").GetProperty("name").GetString() + " / " + c.GetProperty("sideB").GetProperty("name").GetString()).ToList();
        Assert.Contains(names, n => n.Contains("Nur Zholy", StringComparison.Ordinal) && n.Contains("Khorgos", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("Dostyk", StringComparison.Ordinal) && n.Contains("Alashankou", StringComparison.Ordinal));
        Assert.DoesNotContain(crossings, c => c.GetProperty("id").GetString() == "TJ-UZ-01");
    }

    [Fact]
    public async Task Crossings_filter_by_mode_as_well_as_country()
    {
        var list = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/border-crossings?country=kz&mode=rail", UriKind.Relative), TestContext.Current.CancellationToken));

        var ids = list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains("CN-KZ-03", ids);
        Assert.DoesNotContain("CN-KZ-01", ids);
        Assert.All(list.EnumerateArray(), c => Assert.Equal("rail", c.GetProperty("mode").GetString()));
    }

    [Fact]
    public async Task A_crossing_shows_both_sides_with_their_time_zones()
    {
        var crossing = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/border-crossings/CN-KZ-01", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal("KZ", crossing.GetProperty("sideA").GetProperty("country").GetString());
        Assert.Equal("Asia/Almaty", crossing.GetProperty("sideA").GetProperty("timeZone").GetString());
        Assert.Equal("CN", crossing.GetProperty("sideB").GetProperty("country").GetString());
        Assert.Equal("Asia/Shanghai", crossing.GetProperty("sideB").GetProperty("timeZone").GetString());
        Assert.Equal("road", crossing.GetProperty("mode").GetString());
        Assert.NotEmpty(crossing.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task Uzbekistan_has_names_in_english_chinese_and_russian()
    {
        var uz = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/countries/UZ", UriKind.Relative), TestContext.Current.CancellationToken));

        var names = uz.GetProperty("names");
        Assert.Equal("Uzbekistan", names.GetProperty("en").GetString());
        Assert.Equal("乌兹别克斯坦", names.GetProperty("zh-Hans").GetString());
        Assert.Equal("Узбекистан", names.GetProperty("ru").GetString());
        Assert.Equal(9, names.EnumerateObject().Count());
    }

    [Fact]
    public async Task The_country_list_has_the_six_member_states_in_order()
    {
        var list = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/countries", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal(["CN", "KZ", "KG", "TJ", "TM", "UZ"], list.EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList());
    }

    [Fact]
    public async Task Plain_search_finds_cotton_yarn_in_english_and_russian()
    {
        var english = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/hs?q=cotton%20yarn&lang=en", UriKind.Relative), TestContext.Current.CancellationToken));
        var russian = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/hs?q=" + Uri.EscapeDataString("пряжа хлопчатобумажная") + "&lang=ru", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Contains(english.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == "5205");
        Assert.Contains(russian.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == "5205");
        Assert.True(english.GetProperty("total").GetInt32() >= english.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Searching_by_code_prefix_pages_through_the_results()
    {
        var first = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/hs?q=5205&pageSize=5", UriKind.Relative), TestContext.Current.CancellationToken));
        var second = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/hs?q=5205&pageSize=5&page=2", UriKind.Relative), TestContext.Current.CancellationToken));

        var codes = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.StartsWith("5205", c, StringComparison.Ordinal));
        Assert.Equal("5205", codes[0]);
        Assert.True(first.GetProperty("total").GetInt32() > 5);
    }

    [Theory]
    [InlineData("/api/v1/hs/999998", "999998")]
    [InlineData("/api/v1/hs/98", "98")]
    [InlineData("/api/v1/countries/RU", "RU")]
    [InlineData("/api/v1/border-crossings/CN-KZ-99", "CN-KZ-99")]
    [InlineData("/api/v1/hs/sections/22", "22")]
    public async Task An_unknown_code_is_a_404_problem_naming_it(string url, string code)
    {
        var problem = await ProblemAsync(await Client().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken), HttpStatusCode.NotFound);

        Assert.Contains(code, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/hs/52x1", "code", "position 3")]
    [InlineData("/api/v1/hs/52051", "code", "5 digits")]
    [InlineData("/api/v1/hs/5205120000", "code", "national tariff line")]
    [InlineData("/api/v1/countries/KAZ", "code", "two-letter")]
    [InlineData("/api/v1/countries/K1", "code", "two-letter")]
    [InlineData("/api/v1/border-crossings?country=Kazakhstan", "country", "two-letter")]
    [InlineData("/api/v1/border-crossings?mode=air", "mode", "road or rail")]
    [InlineData("/api/v1/hs?q=cotton&lang=de", "lang", "en, ru or zh")]
    [InlineData("/api/v1/hs?q=", "q", "required")]
    [InlineData("/api/v1/hs?q=cotton&pageSize=1000", "pageSize", "between 1 and 100")]
    [InlineData("/api/v1/hs?q=cotton&page=0", "page", "1 or more")]
    [InlineData("/api/v1/hs/sections/XXX", "number", "1–21")]
    public async Task A_malformed_value_is_a_400_problem_naming_the_field_and_the_reason(string url, string field, string reason)
    {
        var problem = await ProblemAsync(await Client().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        Assert.Contains(reason, FieldError(problem, field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_query_is_refused_with_a_problem_not_a_crash()
    {
        var huge = new string('x', 20_000);
        var problem = await ProblemAsync(await Client().GetAsync(new Uri("/api/v1/hs?q=" + huge, UriKind.Relative), TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        Assert.Contains("at most 200", FieldError(problem, "q"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_number_that_is_not_a_number_is_a_400_problem()
    {
        var response = await Client().GetAsync(new Uri("/api/v1/hs?q=cotton&page=abc", UriKind.Relative), TestContext.Current.CancellationToken);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem()
    {
        await ProblemAsync(await Client().GetAsync(new Uri("/api/v1/consignments-that-do-not-exist", UriKind.Relative), TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Chinese_search_finds_the_heading_with_the_words_marked_the_path_and_the_unofficial_flag()
    {
        var result = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/hs?q=" + Uri.EscapeDataString("棉纱"), UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal("zh", result.GetProperty("searchLanguage").GetString());
        var hit = result.GetProperty("items").EnumerateArray().First(i => i.GetProperty("code").GetString() == "5205");
        Assert.InRange(hit.GetProperty("rank").GetInt32(), 1, 5);
        Assert.True(hit.GetProperty("matchedUnofficial").GetBoolean());
        Assert.Equal(["section", "chapter", "heading"], hit.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("level").GetString()));
        Assert.Contains(hit.GetProperty("highlights").EnumerateArray(), h => h.GetProperty("language").GetString() == "zh" && h.GetProperty("html").GetString()!.Contains("<mark>", StringComparison.Ordinal) && h.GetProperty("unofficial").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("notes").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("notice").ValueKind);
    }

    [Fact]
    public async Task A_word_search_lists_the_matching_subheadings_under_each_heading()
    {
        var result = await JsonAsync(await Client().GetAsync(new Uri("/api/v1/hs?q=dried%20apricots&pageSize=3", UriKind.Relative), TestContext.Current.CancellationToken));

        var first = result.GetProperty("items")[0];
        Assert.Equal("0813", first.GetProperty("code").GetString());
        Assert.Contains(first.GetProperty("subheadings").EnumerateArray(), s => s.GetProperty("code").GetString() == "081310");
    }

    [Fact]
    public async Task The_instance_is_live_and_ready_once_reference_data_are_loaded()
    {
        var client = Client();
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await JsonAsync(await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Contains(ready.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "reference-data" && c.GetProperty("status").GetString() == "Healthy");
    }
}

public sealed class ReferenceApiOnSqlite(SqliteWebFactory factory) : ReferenceApiTests(factory), IClassFixture<SqliteWebFactory>;

public sealed class ReferenceApiOnPostgres(PostgresWebFactory factory) : ReferenceApiTests(factory), IClassFixture<PostgresWebFactory>;
