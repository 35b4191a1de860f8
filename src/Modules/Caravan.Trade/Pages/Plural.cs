using System.Globalization;

namespace Caravan.Trade.Pages;

/// <summary>
/// Which form of a counted phrase the interface language needs: English has one and many, Russian one, few
/// (2–4, not 12–14) and many, Chinese a single form. Strings for counts are kept as <c>stem.one</c>,
/// <c>stem.few</c> and <c>stem.other</c> in every language, so that "1 problem(s)" is never written.
/// </summary>
internal static class Plural
{
    public static string Key(string stem, int count) => stem + "." + Category(count, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    internal static string Category(int count, string language)
    {
        var n = Math.Abs(count);
        return language switch
        {
            "zh" => "other",
            "ru" when n % 10 == 1 && n % 100 != 11 => "one",
            "ru" when n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 => "few",
            "ru" => "other",
            _ => n == 1 ? "one" : "other",
        };
    }
}
