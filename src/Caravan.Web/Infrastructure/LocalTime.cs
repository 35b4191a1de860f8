using System.Globalization;

namespace Caravan.Web.Infrastructure;

/// <summary>Instants are kept in UTC; people read them in the local time of the place they concern.</summary>
public static class LocalTime
{
    public static DateTimeOffset At(TimeProvider clock, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
    }

    /// <summary>"14:05 (UTC+05:00)": the wall-clock time and the offset, so that no one has to guess.</summary>
    public static string Describe(TimeProvider clock, string timeZone)
    {
        var local = At(clock, timeZone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{local:HH:mm} (UTC{sign}{offset:hh\\:mm})");
    }
}
