using System.Globalization;

namespace Caravan.Trade.Pages.ReleaseTimes;

/// <summary>Durations as hours and minutes in the interface language's units: "3 h 05 min", "3 ч 05 мин", "3 小时 05 分钟".</summary>
internal sealed record DurationUnits(string Hours, string Minutes)
{
    /// <summary>A duration rounded to the minute, or a dash when there is none.</summary>
    public string Format(double? seconds)
    {
        if (seconds is not { } s)
        {
            return "—";
        }

        var minutes = (long)Math.Round(s / 60);
        return minutes < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes} {Minutes}")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} {Hours} {minutes % 60:00} {Minutes}");
    }
}
