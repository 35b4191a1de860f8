using Caravan.Platform.Http;

namespace Caravan.Reference.Contracts;

/// <summary>The languages reference data are kept in. The web interface is in the first three.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Chinese = "zh";
    public const string Russian = "ru";

    /// <summary>Languages of the user interface and of search.</summary>
    public static readonly IReadOnlyList<string> Interface = [English, Chinese, Russian];

    /// <summary>Every language a country name is kept in (BCP 47, as in data/country_names_icu.csv).</summary>
    public static readonly IReadOnlyList<string> CountryNames = ["en", "zh-Hans", "ru", "kk", "uz-Latn", "uz-Cyrl", "ky", "tg", "tk"];

    /// <summary>The language of a text by its script: any Chinese character makes it zh, else any Cyrillic letter ru, else en.</summary>
    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cyrillic = false;
        foreach (var c in text)
        {
            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF'))
            {
                return Chinese;
            }

            cyrillic |= c is >= '\u0400' and <= '\u04FF';
        }

        return cyrillic ? Russian : English;
    }

    public static Parsed<string> ParseInterfaceLanguage(string? input)
    {
        var value = input?.Trim().ToLowerInvariant();
        return value switch
        {
            "en" or "ru" or "zh" => Parsed<string>.Ok(value),
            "zh-hans" or "zh-cn" => Parsed<string>.Ok(Chinese),
            _ => Parsed<string>.Fail($"'{ReferenceCodes.Truncate(input ?? string.Empty)}' is not a supported language; use en, ru or zh."),
        };
    }
}
