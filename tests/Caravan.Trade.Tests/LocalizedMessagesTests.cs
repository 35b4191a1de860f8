using System.Globalization;
using System.Runtime.CompilerServices;
using Caravan.Trade.Contracts;
using Caravan.Trade.Localization;

namespace Caravan.Trade.Tests;

/// <summary>
/// The Trade module's messages in Chinese and Russian (ADR 0006): every message has both translations with the same
/// placeholders, and the parsers' refusals read in the language asked for, with codes and numbers as they were.
/// </summary>
public sealed class LocalizedMessagesTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Chinese = new("zh-Hans");
    private static readonly CultureInfo Russian = new("ru");

    [Fact]
    public void Every_message_has_a_Chinese_and_a_Russian_text_with_the_same_placeholders()
    {
        // Messages are declared by static fields (the code lists' hints among them); run every initialiser first.
        foreach (var type in typeof(TradeMessages).Assembly.GetTypes().Where(t =>
                     t.Namespace is "Caravan.Trade.Contracts" or "Caravan.Trade.Localization" && !t.IsGenericTypeDefinition))
        {
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
        }

        Assert.True(TradeMessages.Catalog.Declared.Count > 100, $"only {TradeMessages.Catalog.Declared.Count} messages declared");
        Assert.Contains(TradeMessages.Catalog.Declared, t => t.Key == "currency.not-code.RMB");
        Assert.Contains(TradeMessages.Catalog.Declared, t => t.Key == "currency.withdrawn.BGN");
        Assert.Empty(TradeMessages.Catalog.Verify(["zh", "ru"]));
    }

    [Fact]
    public void A_container_number_with_a_wrong_check_digit_is_refused_in_each_language()
    {
        var reason = ContainerNumbers.Parse("CSQU3054384").Reason!;

        Assert.Equal("In 'CSQU3054384' the check digit should be 3, not 4: the number is mistyped.", reason.Render(English));
        Assert.Equal("“CSQU3054384”的校验位应为 3，而不是 4：号码输入有误。", reason.Render(Chinese));
        Assert.Equal("в «CSQU3054384» контрольная цифра должна быть 3, а не 4: номер введён с ошибкой.", reason.Render(Russian));
    }

    [Fact]
    public void Messages_inside_messages_and_lists_follow_the_language()
    {
        var withdrawn = CurrencyCodes.Parse("TJR").Reason!;
        Assert.StartsWith("'TJR' is no longer an ISO 4217 code: the Tajik ruble was withdrawn in 2001. Use TJS", withdrawn.Render(English), StringComparison.Ordinal);
        Assert.StartsWith("«TJR» больше не является кодом ISO 4217: таджикский рубль изъят из обращения в 2001 году. Используйте TJS", withdrawn.Render(Russian), StringComparison.Ordinal);

        var mode = TransportModes.Parse("99").Reason!;
        Assert.Contains("1 maritime transport, 2 rail transport", mode.Render(English), StringComparison.Ordinal);
        Assert.Contains("1 海运、2 铁路运输", mode.Render(Chinese), StringComparison.Ordinal);
        Assert.Contains("1 морской транспорт, 2 железнодорожный транспорт", mode.Render(Russian), StringComparison.Ordinal);
    }

    [Fact]
    public void A_regional_culture_uses_its_language_and_an_unknown_one_English()
    {
        var reason = UnitCodes.Parse(null).Reason!;

        Assert.Equal(reason.Render(Chinese), reason.Render(new CultureInfo("zh-CN")));
        Assert.Equal(reason.Render(Russian), reason.Render(new CultureInfo("ru-KZ")));
        Assert.Equal(reason.Render(English), reason.Render(new CultureInfo("de-DE")));
        Assert.Equal(reason.Render(English), reason.Render(new CultureInfo("en-GB")));
        Assert.StartsWith("为必填项：UN/ECE 第 20 号建议书的计量单位代码", reason.Render(Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_is_the_reason_in_the_current_UI_culture()
    {
        var parsed = PackageTypes.Parse("CTNS");
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Russian;
            Assert.Equal("«CTNS» — не код Рекомендации ЕЭК ООН № 21; для «carton» используйте CT.", parsed.Error);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
