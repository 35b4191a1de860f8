using System.Globalization;
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
    public static readonly IReadOnlyList<string> Groupings = ["crossing", "country", "direction", "mode", "channel", "aeo", "day", "week", "month"];

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
        var targets = await db.ReleaseTargets.AsNoTracking().ToDictionaryAsync(t => (t.Country, t.Channel), t => t.Minutes, cancellationToken);
        return Report(f, rows, previous, targets);
    }

    public static ReleaseTimeReport Report(ReleaseTimeFilter f, IReadOnlyList<MeasuredControl> rows, IReadOnlyList<MeasuredControl> previous, IReadOnlyDictionary<(string Country, string Channel), int> targets)
    {
        var groups = rows.GroupBy(r => Key(r, f.GroupBy), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, g.ToList(), targets)).ToList();
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
