using System.Globalization;

namespace Caravan.Risk.Engine;

/// <summary>
/// A range of HS codes as analysts write it — chapters, headings or subheadings at either end — as the six-digit
/// numbers it covers: 8541 to 8542 is 854100 to 854299. Rules, alerts and their checks share this one reading.
/// </summary>
internal readonly record struct HsRange(int Low, int High)
{
    /// <param name="from">A valid HS code of 2, 4 or 6 digits.</param>
    /// <param name="to">A valid HS code of 2, 4 or 6 digits.</param>
    public static HsRange Of(string from, string to) =>
        new(int.Parse(from.PadRight(6, '0'), CultureInfo.InvariantCulture), int.Parse(to.PadRight(6, '9'), CultureInfo.InvariantCulture));

    public bool IsEmpty => Low > High;

    public bool Contains(int hsCode) => hsCode >= Low && hsCode <= High;
}
