namespace Caravan.Simulation;

/// <summary>When a crossing's post can start a check: its hours are local to each side (Khorgos's Chinese side keeps Beijing time).</summary>
internal static class WorkingHours
{
    /// <summary>The first moment at or after <paramref name="at"/> when the post in <paramref name="zone"/> is open.</summary>
    public static DateTimeOffset NextOpening(CrossingProfile crossing, TimeZoneInfo zone, DateTimeOffset at)
    {
        for (var day = 0; day < 14; day++)
        {
            var local = TimeZoneInfo.ConvertTime(at, zone);
            var candidate = day == 0 ? local : new DateTimeOffset(local.Date.AddDays(day), local.Offset);
            if (crossing.ClosedOn.Contains(candidate.DayOfWeek))
            {
                continue;
            }

            if (crossing.AllDay)
            {
                return ToInstant(candidate.DateTime, zone);
            }

            var time = TimeOnly.FromDateTime(candidate.DateTime);
            if (time < crossing.Opens)
            {
                return ToInstant(candidate.Date.Add(crossing.Opens.ToTimeSpan()), zone);
            }

            if (time < crossing.Closes)
            {
                return ToInstant(candidate.DateTime, zone);
            }
        }

        throw new InvalidOperationException("A crossing in the traffic model is never open.");
    }

    /// <summary>A local wall-clock time in <paramref name="zone"/> as an instant.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
