using System.Globalization;
using System.Runtime.CompilerServices;
using Caravan.Risk.Contracts;
using Caravan.Risk.Engine;
using Caravan.Risk.Localization;

namespace Caravan.Risk.Tests;

/// <summary>
/// The Risk module's messages in Chinese and Russian (ADR 0006): every message has both translations with the same
/// placeholders, and a profile's errors read in the request's language, with codes and numbers as they were typed.
/// </summary>
public sealed class LocalizedMessagesTests
{
    [Fact]
    public void Every_message_has_a_Chinese_and_a_Russian_text_with_the_same_placeholders()
    {
        RuntimeHelpers.RunClassConstructor(typeof(RiskMessages).TypeHandle);

        Assert.True(RiskMessages.Catalog.Declared.Count > 30, $"only {RiskMessages.Catalog.Declared.Count} messages declared");
        Assert.Empty(RiskMessages.Catalog.Verify(["zh", "ru"]));
    }

    [Fact]
    public void A_gap_between_score_bands_is_refused_in_each_language()
    {
        var definition = new ProfileDefinition([], [new ChannelBand(0, 30, "green"), new ChannelBand(40, null, "red")], null, null);

        Assert.Equal(
            "starts at 40, but the band before ends at 30: scores in between would have no channel.",
            Assert.Single(ErrorsIn(CultureInfo.InvariantCulture, definition)["bands[1].from"]));
        Assert.Equal(
            "起点为 40，但前一个区间止于 30：两者之间的分值将没有对应的通道。",
            Assert.Single(ErrorsIn(new CultureInfo("zh-Hans"), definition)["bands[1].from"]));
        Assert.Equal(
            "начинается с 40, а предыдущий интервал заканчивается на 30: баллам между ними не достанется коридора.",
            Assert.Single(ErrorsIn(new CultureInfo("ru-RU"), definition)["bands[1].from"]));
    }

    [Fact]
    public void Lists_and_the_reference_module_s_reasons_follow_the_language()
    {
        var definition = Subjects.Profile(
            new RuleDefinition("R-1", null, "valuePerKg", "in", Values: ["1"], Score: 10),
            new RuleDefinition("R-2", null, "countryOfOrigin", "in", Values: ["1A"], Score: 10));

        var chinese = ErrorsIn(new CultureInfo("zh-CN"), definition);
        var russian = ErrorsIn(new CultureInfo("ru"), definition);

        Assert.Equal("valuePerKg 的运算符应为 below 或 above，而不是“in”。", Assert.Single(chinese["rules[0].operator"]));
        Assert.Equal("для valuePerKg допускается оператор below или above, а не «in».", Assert.Single(russian["rules[0].operator"]));
        Assert.Contains("ISO 3166-1", Assert.Single(russian["rules[1].values[0]"]), StringComparison.Ordinal);
        Assert.DoesNotContain("is not", Assert.Single(russian["rules[1].values[0]"]), StringComparison.Ordinal);
    }

    /// <summary>The profile's errors as a request in <paramref name="culture"/> gets them.</summary>
    private static IReadOnlyDictionary<string, string[]> ErrorsIn(CultureInfo culture, ProfileDefinition definition)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            var (profile, errors) = ProfileCompiler.Compile(definition);
            Assert.Null(profile);
            return errors;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
