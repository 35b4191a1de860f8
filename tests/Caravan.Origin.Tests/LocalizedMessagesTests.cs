using System.Globalization;
using System.Runtime.CompilerServices;
using Caravan.Origin.Localization;
using Caravan.Platform.Localization;

namespace Caravan.Origin.Tests;

/// <summary>
/// The Origin module's messages in Chinese and Russian (ADR 0006): every message has both translations with the same
/// placeholders and no translation is left without a message; a verdict reads in the request's language, with key
/// ids, dates and codes as they were given.
/// </summary>
public sealed class LocalizedMessagesTests
{
    [Fact]
    public void Every_message_has_a_Chinese_and_a_Russian_text_with_the_same_placeholders()
    {
        RuntimeHelpers.RunClassConstructor(typeof(OriginMessages).TypeHandle);

        Assert.True(OriginMessages.Catalog.Declared.Count > 50, $"only {OriginMessages.Catalog.Declared.Count} messages declared");
        Assert.Superset(new HashSet<string>(["zh", "ru"], StringComparer.OrdinalIgnoreCase), new HashSet<string>(OriginMessages.Catalog.Languages, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(OriginMessages.Catalog.Verify(["zh", "ru"]));
    }

    [Fact]
    public void A_revoked_certificate_reads_as_revoked_in_each_language()
    {
        var revoked = OriginMessages.StatusRevoked.With();

        Assert.Equal("The issuer has revoked this certificate.", In(CultureInfo.InvariantCulture, revoked));
        Assert.Equal("签证机构已吊销本证书。", In(new CultureInfo("zh-CN"), revoked));
        Assert.Equal("Сертификат отозван выдавшим его уполномоченным органом.", In(new CultureInfo("ru-RU"), revoked));
        Assert.Contains("отозван", In(new CultureInfo("ru"), revoked), StringComparison.Ordinal);
        Assert.Contains("吊销", In(new CultureInfo("zh-Hans"), revoked), StringComparison.Ordinal);
    }

    [Fact]
    public void A_revoked_key_s_verdict_keeps_the_key_id_the_dates_and_the_reason_as_given()
    {
        var verdict = OriginMessages.IssuerKeyRevoked.With("2025-03-04 10:30 UTC", "kz-2025-01", "2025-03-01 00:00 UTC", "key compromised");

        Assert.Equal(
            "证书于 2025-03-04 10:30 UTC 使用密钥 kz-2025-01 签名，而该密钥自 2025-03-01 00:00 UTC 起已被吊销：key compromised",
            In(new CultureInfo("zh-CN"), verdict));
        Assert.Equal(
            "Документ подписан 2025-03-04 10:30 UTC ключом kz-2025-01, который отозван с 2025-03-01 00:00 UTC: key compromised",
            In(new CultureInfo("ru-RU"), verdict));
    }

    [Fact]
    public void Codes_and_technical_tokens_stay_untranslated_inside_the_sentences()
    {
        var algorithm = OriginMessages.IntegrityAlgorithm.With("HS256");
        var criterion = OriginMessages.Criterion.With("origin", "wholly-obtained, value-added");

        Assert.Equal("该令牌使用“HS256”签名；原产地证书只使用 ES256 签名。", In(new CultureInfo("zh-CN"), algorithm));
        Assert.Equal("Токен подписан алгоритмом «HS256»; сертификаты происхождения подписываются только алгоритмом ES256.", In(new CultureInfo("ru-RU"), algorithm));
        Assert.Equal("«origin» — не критерий происхождения; используйте одно из значений: wholly-obtained, value-added.", In(new CultureInfo("ru-RU"), criterion));
        Assert.Equal("“origin”不是原产地标准；请使用以下之一：wholly-obtained, value-added。", In(new CultureInfo("zh-CN"), criterion));
    }

    /// <summary>The message as a request in <paramref name="culture"/> gets it: rendered through the UI culture, as the module does.</summary>
    private static string In(CultureInfo culture, Message message)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return message.ToString();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
