namespace Caravan.Trade.Features.MeasureReleaseTimes;

/// <summary>
/// Order statistics of durations. Percentiles are by <b>linear interpolation between closest ranks</b> (Hyndman and
/// Fan type 7, as Excel's PERCENTILE.INC, NumPy's default and R's default): for n sorted values x[0..n-1] and p in
/// [0, 1], h = (n − 1)·p, and the percentile is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). The median is p = 0.5, so an
/// even count gives the mean of the two middle values.
/// </summary>
internal static class ReleaseStatistics
{
    public static double? Percentile(IReadOnlyList<long> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }

    public static double? Mean(IReadOnlyList<long> values) => values.Count == 0 ? null : values.Average();
}
