using Caravan.Testing;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Caravan.Web.Tests;

/// <summary>Every interface string exists in English, Chinese and Russian, and every key the pages use exists.</summary>
public sealed partial class TranslationTests
{
    private static Dictionary<string, string> Strings(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(RepositoryFiles.PathOf("src", "Caravan.Web", "Localization", "Strings", language + ".json")))!;

    [Theory]
    [InlineData("zh")]
    [InlineData("ru")]
    public void Every_english_string_is_translated(string language)
    {
        var english = Strings("en");
        var translated = Strings(language);

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        Assert.DoesNotContain(translated, kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void Every_key_a_page_uses_exists()
    {
        var english = Strings("en");
        var pages = Directory.GetFiles(RepositoryFiles.PathOf("src"), "*.cshtml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var code = Directory.GetFiles(RepositoryFiles.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var used = pages.SelectMany(p => UsedKey().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value))
            .Concat(code.SelectMany(p => UsedKeyInCode().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value)))
            .Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, k => !english.ContainsKey(k));
    }

    [GeneratedRegex(@"T\[""([a-zA-Z0-9.]+[a-zA-Z0-9])""")]
    private static partial Regex UsedKey();

    [GeneratedRegex(@"\bt\[""([a-zA-Z0-9.]+[a-zA-Z0-9])""")]
    private static partial Regex UsedKeyInCode();
}
