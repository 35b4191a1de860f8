using System.Text.RegularExpressions;
using Caravan.Platform.Persistence;
using Caravan.Reference.Contracts;
using Caravan.Reference.Features.HsNomenclature;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Reference.Tests;

/// <summary>The HS search (issue 8): quality on the evaluation set, the examples of the issue, and what each hit carries.</summary>
public abstract partial class HsSearchTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Examples => new()
    {
        { "cotton yarn", "5205" },
        { "хлопковая пряжа", "5205" },
        { "棉纱", "5205" },
        { "photovoltaic modules", "8541" },
        { "солнечные панели", "8541" },
        { "电动汽车", "8703" },
        { "dried apricots", "0813" },
        { "медные катоды", "7403" },
    };

    private Task<HsSearchResult> SearchAsync(ModuleHost host, string query, string? language = null, int pageSize = 10) =>
        host.InScopeAsync(sp => sp.GetRequiredService<IHsNomenclature>().SearchAsync(query, language, 1, pageSize, Ct));

    [Fact]
    public async Task The_evaluation_set_finds_the_heading_in_the_first_five_for_nine_in_ten_lines_in_every_language()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);
        var cases = await HsSearchEvaluation.ReadAsync(Path.Combine(ModuleHost.ShippedData, HsSearchEvaluation.DefaultFile), Ct);

        var report = await host.InScopeAsync(sp => HsSearchEvaluation.RunAsync(sp.GetRequiredService<IHsNomenclature>(), cases, Ct));

        Assert.Equal(["en", "ru", "zh"], report.Languages.Select(l => l.Language));
        Assert.All(report.Languages, l => Assert.True(l.Count >= 50, $"{l.Language}: only {l.Count} lines; the set needs 50 per language."));
        var misses = string.Join(Environment.NewLine, report.Misses.Select(m => $"{m.Case.Language} \"{m.Case.Query}\" expected {string.Join(' ', m.Case.Expected)}, found {string.Join(' ', m.Top.Take(5))}"));
        Assert.All(report.Languages, l => Assert.True(l.Top5Rate >= 0.9, $"{l.Language}: top-5 {l.Top5Rate:P1} is below 90%.{Environment.NewLine}{misses}"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_of_the_issue_finds_its_heading_in_the_first_five_with_the_words_marked_and_the_path(string query, string heading)
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);

        var result = await SearchAsync(host, query);

        var hit = Assert.Single(result.Items.Take(5), i => i.Code == heading);
        Assert.Equal("heading", hit.Level);
        Assert.InRange(hit.Rank, 1, 5);
        Assert.True(hit.Score > 0);
        Assert.Contains(hit.Highlights.Concat(hit.Subheadings.SelectMany(s => s.Highlights)), h => h.Html.Contains("<mark>", StringComparison.Ordinal));
        Assert.Equal(["section", "chapter", "heading"], hit.Path.Select(p => p.Level));
        Assert.Equal([heading[..2], heading], hit.Path.Skip(1).Select(p => p.Code));
        Assert.Equal(Languages.Detect(query), result.SearchLanguage);
        Assert.Null(hit.Notes);
    }

    [Fact]
    public async Task A_subheading_that_matches_is_listed_under_its_heading_with_its_own_path()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);

        var result = await SearchAsync(host, "dried apricots");

        var hit = result.Items.First(i => i.Code == "0813");
        var apricots = Assert.Single(hit.Subheadings, s => s.Code == "081310");
        Assert.Equal(["section", "chapter", "heading", "subheading"], apricots.Path.Select(p => p.Level));
        Assert.Contains(apricots.Highlights, h => h.Html.Contains("<mark>apricots</mark>", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Items, i => i.Level == "subheading");
    }

    [Fact]
    public async Task Highlights_are_escaped_html_with_no_markup_but_the_marks()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);

        var results = new[]
        {
            await SearchAsync(host, "<script>alert(1)</script> cotton & yarn"),
            await SearchAsync(host, "milk \"cream\" <b>"),
            await SearchAsync(host, "молоко"),
            await SearchAsync(host, "牛奶"),
        };

        var html = results.SelectMany(r => r.Items).SelectMany(i => i.Highlights.Concat(i.Subheadings.SelectMany(s => s.Highlights))).Select(h => h.Html).ToList();
        Assert.NotEmpty(html);
        Assert.All(html, h =>
        {
            var text = h.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain('<', text);
            Assert.DoesNotContain('>', text);
            Assert.Equal(Regex.Matches(h, "<mark>").Count, Regex.Matches(h, "</mark>").Count);
        });
    }

    [Fact]
    public async Task Matches_on_the_projects_own_texts_say_they_are_unofficial()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);

        var kuraga = (await SearchAsync(host, "курага")).Items[0];
        var yarn = (await SearchAsync(host, "棉纱")).Items.First(i => i.Code == "5205");
        var official = (await SearchAsync(host, "пряжа хлопчатобумажная")).Items.First(i => i.Code == "5205");

        Assert.Equal("0813", kuraga.Code);
        Assert.True(kuraga.MatchedUnofficial);
        Assert.Contains(kuraga.Highlights, h => h is { Source: "synonym", Language: "ru", Unofficial: true });
        Assert.Contains(yarn.Highlights, h => h is { Source: "description", Language: "zh", Unofficial: true });
        Assert.NotNull(yarn.DescriptionZh);
        Assert.Contains(official.Highlights, h => h is { Source: "description", Language: "ru", Unofficial: false });
    }

    [Fact]
    public async Task English_words_in_a_russian_or_chinese_query_still_match()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);

        var russian = await SearchAsync(host, "лампы LED");
        var chinese = await SearchAsync(host, "LED 灯");

        Assert.Equal(Languages.Russian, russian.SearchLanguage);
        Assert.Equal(Languages.Chinese, chinese.SearchLanguage);
        Assert.Contains("8539", russian.Items.Take(5).Select(i => i.Code));
        Assert.Contains("8539", chinese.Items.Take(5).Select(i => i.Code));
    }

    [Fact]
    public async Task Digits_still_search_by_code_prefix_in_code_order()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);

        var result = await SearchAsync(host, "5205.1", pageSize: 50);

        Assert.Equal("52051", string.Concat(result.Items[0].Code.Take(5)));
        Assert.All(result.Items, i => Assert.StartsWith("52051", i.Code, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, result.Items.Count), result.Items.Select(i => i.Rank));
        Assert.Equal(["section", "chapter", "heading", "subheading"], result.Items[0].Path.Select(p => p.Level));
    }

    [Fact]
    public async Task The_index_follows_an_import_of_changed_data()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);
        Assert.Empty((await SearchAsync(host, "quokkafibre")).Items);
        var folder = host.CopyOfData();
        var hs = Path.Combine(folder, "hs2022.csv");
        await File.WriteAllTextAsync(hs, (await File.ReadAllTextAsync(hs, Ct)).Replace("0409,4,04,04,I,Honey; natural", "0409,4,04,04,I,Honey; natural quokkafibre", StringComparison.Ordinal), Ct);

        await host.ImportAsync(folder);

        Assert.Equal("0409", Assert.Single((await SearchAsync(host, "quokkafibre")).Items).Code);
    }

    [Theory]
    [InlineData("cotton yarn", "en")]
    [InlineData("Хлопковая пряжа 100%", "ru")]
    [InlineData("棉纱 Ne30", "zh")]
    [InlineData("LED灯泡", "zh")]
    [InlineData("5205", "en")]
    public void The_language_of_a_query_is_read_from_its_script(string query, string language) =>
        Assert.Equal(language, Languages.Detect(query));
}

public sealed class HsSearchOnSqlite() : HsSearchTests(DatabaseProvider.Sqlite);

public sealed class HsSearchOnPostgres() : HsSearchTests(DatabaseProvider.Postgres);
