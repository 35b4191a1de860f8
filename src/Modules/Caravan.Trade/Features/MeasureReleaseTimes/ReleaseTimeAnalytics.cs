using System.Globalization;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.MeasureReleaseTimes;

/// <summary>The filters of the release-time analytics, checked. Dates are UTC calendar days of lodging, both inclusive.</summary>
internal sealed record ReleaseTimeFilter(
    string? Crossing,
    string? Country,
    string? Direction,
    string? Mode,
    string? Channel,
    bool? Aeo,
    DateOnly From,
    DateOnly To,
    string GroupBy)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The previous period of the same length, ending the day before <see cref="From"/>.</summary>
    public ReleaseTimeFilter Previous()
    {
        var days = To.DayNumber - From.DayNumber + 1;
        return this with { From = From.AddDays(-days), To = From.AddDays(-1) };
    }
}

/// <summary>One measured control, as the aggregates read it (the columns they need, nothing more).</summary>
internal sealed record MeasuredControl(
    Guid ControlId,
    string Country,
    string Role,
    string? CrossingId,
    string? TransportMode,
    string? Channel,
    bool Aeo,
    string Outcome,
    DateTimeOffset LodgedAt,
    long? ArrivalToQueue,
    long? QueueToCheck,
    long? Check,
    long? CheckToRelease,
    long? ArrivalToRelease);

/// <summary>
/// Release-time aggregates over the projection: per group, the count, median, 90th and 95th percentiles (linear
/// interpolation, <see cref="ReleaseStatistics"/>), mean and the share released within the administration's target;
/// and per crossing the bottleneck hint. The rows are read once with only the columns needed and aggregated in memory:
/// percentiles are not portable SQL across SQLite and PostgreSQL.
/// </summary>
internal sealed class ReleaseTimeAnalytics(TradeDbContext db)
{
    /// <summary>"side" is a crossing's post in one country (CN-KZ-01/KZ): the two sides of a crossing compared.</summary>
    public static readonly IReadOnlyList<string> Groupings = ["crossing", "side", "country", "direction", "mode", "channel", "aeo", "day", "week", "month"];

    /// <summary>Bin widths of the distribution, in minutes: the first that covers the 95th percentile in at most <see cref="MaxBins"/> bins.</summary>
    private static readonly int[] BinMinutes = [5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080, 20160, 43200];

    public const int MaxBins = 12;

    /// <summary>How many crossings the dashboard draws a time series for when no crossing is chosen (the busiest).</summary>
    public const int SeriesCrossings = 5;

    public static readonly IReadOnlyList<string> Stages = [StageClock.ArrivalToQueueStage, StageClock.QueueToCheckStage, StageClock.CheckStage, StageClock.CheckToReleaseStage];

    public const string PercentileMethod = "linear interpolation between closest ranks (Hyndman–Fan type 7, Excel PERCENTILE.INC)";

    public async Task<List<MeasuredControl>> ReadAsync(ReleaseTimeFilter f, CancellationToken cancellationToken)
    {
        var start = f.Start;
        var end = f.End;
        var query = db.ReleaseTimes.AsNoTracking().Where(r => r.LodgedAt >= start && r.LodgedAt < end);
        query = Filter(query, f);
        return await query.Select(r => new MeasuredControl(r.ControlId, r.Country, r.Role, r.CrossingId, r.TransportMode, r.Channel, r.Aeo, r.Outcome, r.LodgedAt,
            r.ArrivalToQueueSeconds, r.QueueToCheckSeconds, r.CheckSeconds, r.CheckToReleaseSeconds, r.ArrivalToReleaseSeconds)).ToListAsync(cancellationToken);
    }

    /// <summary>Per-control detail is for the country's customs officers and risk analysts; the aggregates are public.</summary>
    public static bool MaySeeControls(Caller caller, string country) =>
        caller.Has(TradePermissions.Decide, Scope.Country(country)) || caller.Has(Risk.Contracts.RiskPermissions.View, Scope.Country(country));

    /// <summary>The filter's controls (its country required, checked by the caller), the latest lodged first, at most <paramref name="max"/>.</summary>
    public async Task<List<ControlReleaseTimeView>> ControlsAsync(ReleaseTimeFilter f, int max, CancellationToken cancellationToken)
    {
        var start = f.Start;
        var end = f.End;
        var rows = await Filter(db.ReleaseTimes.AsNoTracking().Where(r => r.LodgedAt >= start && r.LodgedAt < end), f)
            .OrderByDescending(r => r.LodgedAt).ThenBy(r => r.ControlId).Take(max).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    private static ControlReleaseTimeView View(ControlReleaseTime r) => new(
        r.ControlId, r.ConsignmentId, r.Reference, r.Country, r.Role, r.CrossingId, r.TransportMode, r.Channel, r.Aeo, r.Outcome, r.LodgedAt,
        r.ArrivedAt, r.QueuedAt, r.CheckStartedAt, r.CheckFinishedAt, r.ReleasedAt, r.RefusedAt, r.ExitedAt, r.EnteredNextAt,
        r.ArrivalToQueueSeconds, r.QueueToCheckSeconds, r.CheckSeconds, r.CheckToReleaseSeconds, r.ReleaseToExitSeconds, r.ExitToNextEntrySeconds, r.ArrivalToReleaseSeconds, r.ArrivalToExitSeconds);

    public async Task<Dictionary<(string Country, string Channel), int>> TargetsAsync(CancellationToken cancellationToken) =>
        await db.ReleaseTargets.AsNoTracking().ToDictionaryAsync(t => (t.Country, t.Channel), t => t.Minutes, cancellationToken);

    public static IQueryable<ControlReleaseTime> Filter(IQueryable<ControlReleaseTime> query, ReleaseTimeFilter f)
    {
        if (f.Crossing is not null)
        {
            query = query.Where(r => r.CrossingId == f.Crossing);
        }

        if (f.Country is not null)
        {
            query = query.Where(r => r.Country == f.Country);
        }

        if (f.Direction is not null)
        {
            query = query.Where(r => r.Role == f.Direction);
        }

        if (f.Mode is not null)
        {
            query = query.Where(r => r.TransportMode == f.Mode);
        }

        if (f.Channel is not null)
        {
            query = query.Where(r => r.Channel == f.Channel);
        }

        if (f.Aeo is { } aeo)
        {
            query = query.Where(r => r.Aeo == aeo);
        }

        return query;
    }

    public async Task<ReleaseTimeReport> ReportAsync(ReleaseTimeFilter f, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(f, cancellationToken);
        var previous = await ReadAsync(f.Previous(), cancellationToken);
        var targets = await TargetsAsync(cancellationToken);
        return Report(f, rows, previous, targets);
    }

    /// <summary>
    /// Everything the dashboard draws, from one read of the period: the report as asked, the crossings (for the map),
    /// both sides of each crossing, a time series per crossing and the distribution per channel. Each part equals what
    /// the API answers for the same filters with the matching grouping (the series: crossing=X and groupBy=day or week).
    /// </summary>
    public async Task<ReleaseTimeDashboard> DashboardAsync(ReleaseTimeFilter f, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(f, cancellationToken);
        var previous = await ReadAsync(f.Previous(), cancellationToken);
        return Dashboard(f, rows, previous, await TargetsAsync(cancellationToken));
    }

    public static ReleaseTimeDashboard Dashboard(ReleaseTimeFilter f, IReadOnlyList<MeasuredControl> rows, IReadOnlyList<MeasuredControl> previous, IReadOnlyDictionary<(string Country, string Channel), int> targets)
    {
        var seriesGrouping = SeriesGrouping(f);
        var seriesCrossings = f.Crossing is { } chosen
            ? [chosen]
            : rows.Where(r => r.CrossingId is not null).GroupBy(r => r.CrossingId!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(SeriesCrossings).Select(g => g.Key).ToList();
        return new ReleaseTimeDashboard(
            Report(f, rows, previous, targets),
            Groups(rows, "crossing", targets),
            Groups(rows, "side", targets),
            seriesGrouping,
            seriesCrossings.Select(c => new CrossingSeries(c, Groups(rows.Where(r => r.CrossingId == c).ToList(), seriesGrouping, targets))).ToList(),
            Distribution(f, rows));
    }

    /// <summary>Days for a period of up to 31 days, ISO weeks for a longer one.</summary>
    public static string SeriesGrouping(ReleaseTimeFilter f) => f.To.DayNumber - f.From.DayNumber + 1 <= 31 ? "day" : "week";

    public async Task<ReleaseTimeDistribution> DistributionAsync(ReleaseTimeFilter f, CancellationToken cancellationToken) =>
        Distribution(f, await ReadAsync(f, cancellationToken));

    /// <summary>
    /// Arrival-to-release times per channel in bins of one width (the first of <see cref="BinMinutes"/> that covers the
    /// 95th percentile of all in at most <see cref="MaxBins"/> bins), the last bin open-ended when anything lies beyond;
    /// with each channel's quartiles and 90th percentile.
    /// </summary>
    public static ReleaseTimeDistribution Distribution(ReleaseTimeFilter f, IReadOnlyList<MeasuredControl> rows)
    {
        var measured = rows.Where(r => r.ArrivalToRelease is not null).ToList();
        var channels = measured.Select(r => r.Channel ?? "unknown").Distinct(StringComparer.Ordinal)
            .OrderBy(c => ReleaseTimesApi.Channels.Contains(c) ? ReleaseTimesApi.Channels.ToList().IndexOf(c) : ReleaseTimesApi.Channels.Count).ToList();
        var all = measured.Select(r => r.ArrivalToRelease!.Value).Order().ToList();
        var p95 = ReleaseStatistics.Percentile(all, 0.95) ?? 0;
        var width = 60L * BinMinutes.FirstOrDefault(m => Math.Ceiling(p95 / (m * 60.0)) <= MaxBins, BinMinutes[^1]);
        var closed = (int)Math.Max(1, Math.Ceiling(p95 / width));
        var open = all.Count > 0 && all[^1] >= closed * width;
        // One pass: each time in bin ⌊t / width⌋, or in the open last bin from closed × width on.
        var counts = Enumerable.Range(0, closed + (open ? 1 : 0)).Select(_ => channels.ToDictionary(c => c, _ => 0, StringComparer.Ordinal)).ToList();
        foreach (var r in measured)
        {
            counts[(int)Math.Min(closed, r.ArrivalToRelease!.Value / width)][r.Channel ?? "unknown"]++;
        }

        var bins = counts.Select((c, i) => new DistributionBin(i * width, i < closed ? (i + 1) * width : null, c)).ToList();
        var spreads = channels.Select(c =>
        {
            var sorted = measured.Where(r => (r.Channel ?? "unknown") == c).Select(r => r.ArrivalToRelease!.Value).Order().ToList();
            return new ChannelSpread(c, sorted.Count, Round(ReleaseStatistics.Percentile(sorted, 0.25)), Round(ReleaseStatistics.Percentile(sorted, 0.5)),
                Round(ReleaseStatistics.Percentile(sorted, 0.75)), Round(ReleaseStatistics.Percentile(sorted, 0.9)), sorted.Count == 0 ? null : sorted[^1]);
        }).ToList();
        return new ReleaseTimeDistribution(f.From, f.To, width, bins, spreads);
    }

    public static List<ReleaseTimeGroup> Groups(IReadOnlyList<MeasuredControl> rows, string groupBy, IReadOnlyDictionary<(string Country, string Channel), int> targets) =>
        rows.GroupBy(r => Key(r, groupBy), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, g.ToList(), targets)).ToList();

    public static ReleaseTimeReport Report(ReleaseTimeFilter f, IReadOnlyList<MeasuredControl> rows, IReadOnlyList<MeasuredControl> previous, IReadOnlyDictionary<(string Country, string Channel), int> targets)
    {
        var groups = Groups(rows, f.GroupBy, targets);
        var before = previous.Where(r => r.CrossingId is not null).GroupBy(r => r.CrossingId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Bottleneck(g.ToList()), StringComparer.Ordinal);
        var bottlenecks = rows.Where(r => r.CrossingId is not null).GroupBy(r => r.CrossingId!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var now = Bottleneck(g.ToList());
                var then = before.GetValueOrDefault(g.Key);
                double? thenSameStage = now is null || then is null ? null : then.Value.Means.GetValueOrDefault(now.Value.Stage);
                return now is null
                    ? null
                    : new BottleneckHint(g.Key, now.Value.Stage, Round(now.Value.Means[now.Value.Stage]), now.Value.Slowest, then?.Stage, Round(thenSameStage),
                        thenSameStage is null ? null : Round(now.Value.Means[now.Value.Stage] - thenSameStage.Value));
            })
            .OfType<BottleneckHint>().ToList();
        return new ReleaseTimeReport(f.From, f.To, f.Previous().From, f.Previous().To, f.GroupBy, PercentileMethod, groups, bottlenecks);
    }

    private static ReleaseTimeGroup Group(string key, IReadOnlyList<MeasuredControl> rows, IReadOnlyDictionary<(string Country, string Channel), int> targets)
    {
        var totals = rows.Where(r => r.ArrivalToRelease is not null).ToList();
        var withTarget = totals.Where(r => r.Channel is not null && targets.ContainsKey((r.Country, r.Channel))).ToList();
        var within = withTarget.Count(r => r.ArrivalToRelease!.Value <= targets[(r.Country, r.Channel!)] * 60L);
        return new ReleaseTimeGroup(
            key,
            rows.Count,
            rows.Count(r => r.Outcome == "released"),
            rows.Count(r => r.Outcome == "refused"),
            Figures("arrival-to-release", totals.Select(r => r.ArrivalToRelease!.Value)),
            withTarget.Count,
            withTarget.Count == 0 ? null : Math.Round((double)within / withTarget.Count, 4),
            Stages.Select(s => Figures(s, rows.Select(r => StageOf(r, s)).OfType<long>())).ToList());
    }

    public static DurationFigures Figures(string stage, IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return new DurationFigures(stage, sorted.Count, Round(ReleaseStatistics.Percentile(sorted, 0.5)), Round(ReleaseStatistics.Percentile(sorted, 0.9)),
            Round(ReleaseStatistics.Percentile(sorted, 0.95)), Round(ReleaseStatistics.Mean(sorted)));
    }

    /// <summary>
    /// Among a crossing's controls whose arrival-to-release time is at or above its 90th percentile (the slowest tenth),
    /// the stage with the largest mean duration: what makes the slow controls slow.
    /// </summary>
    public static (string Stage, IReadOnlyDictionary<string, double> Means, int Slowest)? Bottleneck(IReadOnlyList<MeasuredControl> rows)
    {
        var totals = rows.Where(r => r.ArrivalToRelease is not null).ToList();
        var p90 = ReleaseStatistics.Percentile(totals.Select(r => r.ArrivalToRelease!.Value).Order().ToList(), 0.9);
        if (p90 is null)
        {
            return null;
        }

        var slowest = totals.Where(r => r.ArrivalToRelease!.Value >= p90.Value).ToList();
        var means = Stages.Select(s => (Stage: s, Values: slowest.Select(r => StageOf(r, s)).OfType<long>().ToList()))
            .Where(s => s.Values.Count > 0)
            .ToDictionary(s => s.Stage, s => s.Values.Average(), StringComparer.Ordinal);
        if (means.Count == 0)
        {
            return null;
        }

        var top = means.OrderByDescending(m => m.Value).ThenBy(m => Stages.ToList().IndexOf(m.Key)).First().Key;
        return (top, means, slowest.Count);
    }

    private static long? StageOf(MeasuredControl r, string stage) => stage switch
    {
        StageClock.ArrivalToQueueStage => r.ArrivalToQueue,
        StageClock.QueueToCheckStage => r.QueueToCheck,
        StageClock.CheckStage => r.Check,
        _ => r.CheckToRelease,
    };

    public static string Key(MeasuredControl r, string groupBy)
    {
        var day = DateOnly.FromDateTime(r.LodgedAt.UtcDateTime);
        return groupBy switch
        {
            "country" => r.Country,
            "side" => $"{r.CrossingId ?? "none"}/{r.Country}",
            "direction" => r.Role,
            "mode" => r.TransportMode ?? "unknown",
            "channel" => r.Channel ?? "unknown",
            "aeo" => r.Aeo ? "aeo" : "non-aeo",
            "day" => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "week" => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(r.LodgedAt.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(r.LodgedAt.UtcDateTime):00}"),
            "month" => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => r.CrossingId ?? "none",
        };
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}

/// <summary>What the release-time dashboard draws; see <see cref="ReleaseTimeAnalytics.DashboardAsync"/>.</summary>
/// <param name="Crossings">Grouped by crossing, for the map.</param>
/// <param name="Sides">Grouped by side (crossing/country), to compare both sides of a crossing.</param>
/// <param name="SeriesGrouping">day or week.</param>
internal sealed record ReleaseTimeDashboard(
    ReleaseTimeReport Report,
    IReadOnlyList<ReleaseTimeGroup> Crossings,
    IReadOnlyList<ReleaseTimeGroup> Sides,
    string SeriesGrouping,
    IReadOnlyList<CrossingSeries> Series,
    ReleaseTimeDistribution Distribution);

internal sealed record CrossingSeries(string Crossing, IReadOnlyList<ReleaseTimeGroup> Points);
