using Caravan.Trade.Features.MeasureReleaseTimes;

namespace Caravan.Trade.Tests;

/// <summary>
/// The release-time clock on hand-made event sequences; every expected duration is worked out by hand in the comments.
/// Kazakhstan is UTC+05:00, China UTC+08:00, Uzbekistan UTC+05:00.
/// </summary>
public sealed class StageClockTests
{
    private static readonly TimeSpan Kz = TimeSpan.FromHours(5);
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);

    /// <summary>Kazakhstan's control of a consignment entering at CN-KZ-01 (from China) and leaving at KZ-UZ-01.</summary>
    private static readonly ClockControl KazakhTransit = new("KZ", "CN-KZ-01", "KZ-UZ-01");

    private static DateTimeOffset At(int day, int hour, int minute, TimeSpan offset) => new(2026, 11, day, hour, minute, 0, offset);

    private static ClockEvent Kazakh(string type, DateTimeOffset at) => new(type, "KZ", "CN-KZ-01", at);

    /// <summary>
    /// 1 Nov, Kazakh local time: arrived 10:00, queue 10:20, check 11:05–11:45, released 12:10 (decided in UTC:
    /// 07:10Z = 12:10+05), exited at KZ-UZ-01 on 2 Nov 09:00, entered Uzbekistan 09:30 (+05:00).
    /// </summary>
    private static List<ClockEvent> NormalEvents() =>
    [
        Kazakh("arrived-at-crossing", At(1, 10, 0, Kz)),
        Kazakh("entered-queue", At(1, 10, 20, Kz)),
        Kazakh("check-started", At(1, 11, 5, Kz)),
        Kazakh("check-finished", At(1, 11, 45, Kz)),
        new("exited", "KZ", "KZ-UZ-01", At(2, 9, 0, Kz)),
        new("entered-next-country", "UZ", "KZ-UZ-01", At(2, 9, 30, Kz)),
    ];

    private static readonly ClockDecision[] Released =
    [
        new("accept", At(1, 4, 0, TimeSpan.Zero)),
        new("order-documentary-inspection", At(1, 6, 0, TimeSpan.Zero)),
        new("release", At(1, 7, 10, TimeSpan.Zero)),
    ];

    private static StageDurations Measure(ClockControl control, IEnumerable<ClockEvent> events, IEnumerable<ClockDecision> decisions) =>
        StageClock.Durations(StageClock.Instants(control, events, decisions));

    /// <summary>The durations of the normal sequence, by hand.</summary>
    private static readonly StageDurations Normal = new(
        ArrivalToQueue: 20 * 60,             // 10:00 → 10:20 = 20 min = 1200 s
        QueueToCheck: 45 * 60,               // 10:20 → 11:05 = 45 min = 2700 s
        Check: 40 * 60,                      // 11:05 → 11:45 = 40 min = 2400 s
        CheckToRelease: 25 * 60,             // 11:45 → 12:10 (07:10Z) = 25 min = 1500 s
        ReleaseToExit: ((20 * 60) + 50) * 60, // 1 Nov 12:10 → 2 Nov 09:00 = 20 h 50 min = 75000 s
        ExitToNextEntry: 30 * 60,            // 09:00 → 09:30 = 1800 s
        ArrivalToRelease: 130 * 60,          // 10:00 → 12:10 = 130 min = 7800 s = 1200 + 2700 + 2400 + 1500
        ArrivalToExit: 23 * 60 * 60);        // 1 Nov 10:00 → 2 Nov 09:00 = 23 h = 82800 s

    [Fact]
    public void A_normal_sequence_gives_each_stage_its_duration()
    {
        var measured = Measure(KazakhTransit, NormalEvents(), Released);

        Assert.Equal(Normal, measured);
        Assert.Equal(7800L, measured.ArrivalToQueue + measured.QueueToCheck + measured.Check + measured.CheckToRelease);
    }

    [Fact]
    public void A_missing_queue_event_leaves_its_two_stages_missing_not_zero()
    {
        var events = NormalEvents().Where(e => e.Type != "entered-queue");

        var measured = Measure(KazakhTransit, events, Released);

        // No queue instant: arrival → queue and queue → check are unknown (null); the rest is as before.
        Assert.Equal(Normal with { ArrivalToQueue = null, QueueToCheck = null }, measured);
    }

    [Fact]
    public void Events_reported_late_and_out_of_order_are_placed_by_when_they_happened()
    {
        // Reported in this order: the exit first, then the check, and the arrival last of all, after the release was
        // decided; plus a 'released' border event at 13:00 reported by the post after the decision (12:10), which does
        // not move the release (the decision marks it).
        var events = NormalEvents();
        events.Reverse();
        events.Add(Kazakh("released", At(1, 13, 0, Kz)));

        Assert.Equal(Normal, Measure(KazakhTransit, events, Released.Reverse()));
    }

    [Fact]
    public void A_duplicate_event_counts_once_even_written_in_another_offset()
    {
        // 10:00+05:00 is 05:00Z: the same arrival, reported twice more (once by a retry, once in UTC).
        var events = NormalEvents();
        events.Add(Kazakh("arrived-at-crossing", At(1, 10, 0, Kz)));
        events.Add(Kazakh("arrived-at-crossing", At(1, 5, 0, TimeSpan.Zero)));
        events.Add(Kazakh("entered-queue", At(1, 10, 20, Kz)));

        Assert.Equal(Normal, Measure(KazakhTransit, events, Released));
    }

    [Fact]
    public void A_crossing_between_two_time_zones_is_measured_on_instants()
    {
        // China's export control, procedure at the exit crossing CN-KZ-01 (UTC+8); Kazakhstan reports the entry (UTC+5).
        var chinaExport = new ClockControl("CN", null, "CN-KZ-01");
        List<ClockEvent> events =
        [
            new("arrived-at-crossing", "CN", "CN-KZ-01", At(1, 8, 0, Cn)),   // 00:00Z
            new("entered-queue", "CN", "CN-KZ-01", At(1, 8, 30, Cn)),        // 00:30Z
            new("check-started", "CN", "CN-KZ-01", At(1, 9, 0, Cn)),         // 01:00Z
            new("check-finished", "CN", "CN-KZ-01", At(1, 9, 30, Cn)),       // 01:30Z
            new("exited", "CN", "CN-KZ-01", At(1, 10, 0, Cn)),               // 02:00Z
            new("entered-next-country", "KZ", "CN-KZ-01", At(1, 7, 20, Kz)), // 02:20Z: "earlier" on the wall clock, 20 min later in fact
        ];
        ClockDecision[] decisions = [new("release", At(1, 1, 45, TimeSpan.Zero))]; // 09:45+08:00

        var measured = Measure(chinaExport, events, decisions);

        Assert.Equal(new StageDurations(
            ArrivalToQueue: 1800,     // 00:00Z → 00:30Z
            QueueToCheck: 1800,       // 00:30Z → 01:00Z
            Check: 1800,              // 01:00Z → 01:30Z
            CheckToRelease: 900,      // 01:30Z → 01:45Z
            ReleaseToExit: 900,       // 01:45Z → 02:00Z
            ExitToNextEntry: 1200,    // 02:00Z → 02:20Z (10:00+08:00 → 07:20+05:00), not −2 h 40 min
            ArrivalToRelease: 6300,   // 00:00Z → 01:45Z = 105 min
            ArrivalToExit: 7200), measured); // 00:00Z → 02:00Z
    }

    [Fact]
    public void A_refused_control_has_no_release_and_no_release_time()
    {
        ClockDecision[] decisions = [new("accept", At(1, 4, 0, TimeSpan.Zero)), new("order-physical-inspection", At(1, 6, 0, TimeSpan.Zero)), new("refuse", At(1, 8, 0, TimeSpan.Zero))];
        var events = NormalEvents().Where(e => e.Type is not ("exited" or "entered-next-country"));

        var instants = StageClock.Instants(KazakhTransit, events, decisions);
        var measured = StageClock.Durations(instants);

        Assert.Null(instants.Released);
        Assert.Equal(At(1, 13, 0, Kz), instants.Refused); // 08:00Z
        Assert.Equal(Normal with { CheckToRelease = null, ReleaseToExit = null, ExitToNextEntry = null, ArrivalToRelease = null, ArrivalToExit = null }, measured);
    }

    [Fact]
    public void A_green_channel_release_without_a_check_leaves_the_check_stages_missing()
    {
        List<ClockEvent> events = [Kazakh("arrived-at-crossing", At(1, 10, 0, Kz)), Kazakh("entered-queue", At(1, 10, 20, Kz))];
        ClockDecision[] decisions = [new("accept", At(1, 4, 0, TimeSpan.Zero)), new("release", At(1, 5, 50, TimeSpan.Zero))]; // 10:50+05:00

        var measured = Measure(KazakhTransit, events, decisions);

        Assert.Equal(new StageDurations(
            ArrivalToQueue: 1200,    // 10:00 → 10:20
            QueueToCheck: null,      // no check
            Check: null,
            CheckToRelease: null,
            ReleaseToExit: null,     // no exit reported
            ExitToNextEntry: null,
            ArrivalToRelease: 3000,  // 10:00 → 10:50 = 50 min
            ArrivalToExit: null), measured);
    }

    [Fact]
    public void A_released_border_event_marks_the_release_when_no_decision_was_recorded()
    {
        var events = NormalEvents();
        events.Add(Kazakh("released", At(1, 12, 40, Kz)));

        var measured = Measure(KazakhTransit, events, [new ClockDecision("accept", At(1, 4, 0, TimeSpan.Zero))]);

        Assert.Equal(3300L, measured.CheckToRelease);   // 11:45 → 12:40 = 55 min
        Assert.Equal(9600L, measured.ArrivalToRelease); // 10:00 → 12:40 = 160 min
    }

    [Fact]
    public void A_release_decided_before_arrival_waits_zero_not_a_negative_time()
    {
        List<ClockEvent> events = [Kazakh("arrived-at-crossing", At(1, 10, 0, Kz))];
        ClockDecision[] decisions = [new("release", At(1, 3, 0, TimeSpan.Zero))]; // 08:00+05:00, on pre-arrival data

        Assert.Equal(0L, Measure(KazakhTransit, events, decisions).ArrivalToRelease);
    }

    [Fact]
    public void Events_of_another_country_or_crossing_do_not_mark_this_control()
    {
        // China's side of CN-KZ-01 reports its own arrival; Kazakhstan's control does not take it.
        List<ClockEvent> events = [new("arrived-at-crossing", "CN", "CN-KZ-01", At(1, 9, 0, Kz)), new("arrived-at-crossing", "KZ", "KZ-UZ-01", At(1, 9, 0, Kz))];

        Assert.Null(StageClock.Instants(KazakhTransit, events, []).Arrived);
    }
}

/// <summary>Percentiles by linear interpolation (type 7), worked by hand.</summary>
public sealed class ReleaseStatisticsTests
{
    [Fact]
    public void Percentiles_interpolate_between_closest_ranks()
    {
        long[] sorted = [10, 20, 30, 40];

        // n = 4. Median: h = 3 × 0.5 = 1.5 → x[1] + 0.5 × (x[2] − x[1]) = 20 + 5 = 25.
        Assert.Equal(25.0, ReleaseStatistics.Percentile(sorted, 0.5));
        // p90: h = 3 × 0.9 = 2.7 → 30 + 0.7 × 10 = 37.
        Assert.Equal(37.0, ReleaseStatistics.Percentile(sorted, 0.9)!.Value, 9);
        // p95: h = 3 × 0.95 = 2.85 → 30 + 0.85 × 10 = 38.5.
        Assert.Equal(38.5, ReleaseStatistics.Percentile(sorted, 0.95)!.Value, 9);
        // Mean: 100 / 4 = 25.
        Assert.Equal(25.0, ReleaseStatistics.Mean(sorted));
    }

    [Fact]
    public void An_odd_count_has_its_middle_value_as_median_and_one_value_is_every_percentile()
    {
        // n = 5: h = 4 × 0.5 = 2 → x[2] = 300. p90: h = 3.6 → 400 + 0.6 × 600 = 760.
        long[] sorted = [100, 200, 300, 400, 1000];
        Assert.Equal(300.0, ReleaseStatistics.Percentile(sorted, 0.5));
        Assert.Equal(760.0, ReleaseStatistics.Percentile(sorted, 0.9)!.Value, 9);

        Assert.Equal(7.0, ReleaseStatistics.Percentile([7], 0.95));
        Assert.Null(ReleaseStatistics.Percentile([], 0.5));
        Assert.Null(ReleaseStatistics.Mean([]));
    }

    [Fact]
    public void The_bottleneck_is_the_longest_stage_among_the_slowest_tenth()
    {
        // Ten controls at one crossing, totals 600, 1200, …, 6000 s. p90: h = 9 × 0.9 = 8.1 → 5400 + 0.1 × 600 = 5460, so
        // only the slowest (6000 s) is in the slowest tenth. Its stages: queue 600, wait 900, check 1500, to release 3000
        // → the bottleneck is check-to-release (3000 s), though the check is the longest stage of every other control.
        var rows = Enumerable.Range(1, 9).Select(i => Row(i * 600, 0, 0, i * 600, 0))
            .Append(Row(6000, 600, 900, 1500, 3000)).ToList();

        var hint = ReleaseTimeAnalytics.Bottleneck(rows);

        Assert.Equal(("check-to-release", 1), (hint!.Value.Stage, hint.Value.Slowest));
        Assert.Equal(3000.0, hint.Value.Means["check-to-release"]);
    }

    [Fact]
    public void Periods_are_the_utc_day_iso_week_and_month_of_lodging()
    {
        // Lodged 1 Dec 2026 02:00+05:00 = 30 Nov 21:00Z, a Monday: day 334 of 2026 (1 Jan is a Thursday, so ISO week 1
        // starts on 29 Dec 2025); week = ⌊(334 − 1 + 10) / 7⌋ = 49.
        var row = Row(60, 0, 0, 0, 0) with { LodgedAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.FromHours(5)), Aeo = true };

        Assert.Equal(["2026-11-30", "2026-W49", "2026-11", "aeo", "3", "yellow", "import", "KZ", "CN-KZ-01", "CN-KZ-01/KZ"],
            new[] { "day", "week", "month", "aeo", "mode", "channel", "direction", "country", "crossing", "side" }.Select(g => ReleaseTimeAnalytics.Key(row, g)));
    }

    [Fact]
    public void The_distribution_bins_each_channel_in_widths_that_cover_the_95th_percentile()
    {
        // Totals: green 600, 1200, 2400; yellow 3000, 4000, 9000; red 20000; one open control (no release) left out.
        // All seven sorted: p95 h = 6 × 0.95 = 5.7 → 9000 + 0.7 × 11000 = 16700 s = 278.3 min. 5, 10 and 15 min need
        // 56, 28 and 19 bins; 30 min (1800 s) needs ⌈16700 / 1800⌉ = 10 ≤ 12. 20000 ≥ 10 × 1800 = 18000: an open 11th bin.
        var rows = new[]
        {
            Row(600, 0, 0, 0, 0) with { Channel = "green" }, Row(1200, 0, 0, 0, 0) with { Channel = "green" }, Row(2400, 0, 0, 0, 0) with { Channel = "green" },
            Row(3000, 0, 0, 0, 0), Row(4000, 0, 0, 0, 0), Row(9000, 0, 0, 0, 0), Row(20000, 0, 0, 0, 0) with { Channel = "red" },
            Row(0, 0, 0, 0, 0) with { ArrivalToRelease = null, Outcome = "open" },
        };
        var filter = new ReleaseTimeFilter(null, null, null, null, null, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "crossing");

        var d = ReleaseTimeAnalytics.Distribution(filter, rows);

        Assert.Equal(1800, d.BinSeconds);
        Assert.Equal(11, d.Bins.Count);
        Assert.Equal((18000L, (long?)null), (d.Bins[^1].FromSeconds, d.Bins[^1].ToSeconds));
        Assert.Equal(["green", "yellow", "red"], d.Channels.Select(c => c.Channel));
        // green: 600 and 1200 in [0, 1800), 2400 in [1800, 3600); yellow: 3000 in the second, 4000 in [3600, 5400), 9000 in [9000, 10800).
        Assert.Equal([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], d.Bins.Select(b => b.Counts["green"]));
        Assert.Equal([0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0], d.Bins.Select(b => b.Counts["yellow"]));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], d.Bins.Select(b => b.Counts["red"]));
        // green quartiles of 600, 1200, 2400: Q1 h = 0.5 → 900; median 1200; Q3 h = 1.5 → 1800; p90 h = 1.8 → 1200 + 0.8 × 1200 = 2160.
        var green = d.Channels[0];
        Assert.Equal((3, 900.0, 1200.0, 1800.0, 2160.0, 2400L), (green.Count, green.Q1Seconds, green.MedianSeconds, green.Q3Seconds, green.P90Seconds, green.MaxSeconds));
    }

    [Fact]
    public void The_share_within_target_counts_each_control_against_its_own_country_and_channel()
    {
        // KZ yellow target 60 min (3600 s), KZ green 30 min (1800 s); red has none.
        // yellow 3000 ✓, yellow 4000 ✗, green 1800 ✓ (at the target counts as within), red 100 (no target) → 2 / 3 = 0.6667.
        var rows = new[] { Row(3000, 0, 0, 0, 0), Row(4000, 0, 0, 0, 0), Row(1800, 0, 0, 0, 0) with { Channel = "green" }, Row(100, 0, 0, 0, 0) with { Channel = "red" } };
        var filter = new ReleaseTimeFilter(null, null, null, null, null, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "country");
        var targets = new Dictionary<(string, string), int> { [("KZ", "yellow")] = 60, [("KZ", "green")] = 30 };

        var group = Assert.Single(ReleaseTimeAnalytics.Report(filter, rows, [], targets).Groups);

        Assert.Equal(("KZ", 4, 3, 0.6667), (group.Key, group.Total.Count, group.WithTarget, group.WithinTargetShare));
        // Totals 100, 1800, 3000, 4000: median h = 1.5 → 1800 + 0.5 × 1200 = 2400; mean 8900 / 4 = 2225.
        Assert.Equal((2400.0, 2225.0), (group.Total.MedianSeconds, group.Total.MeanSeconds));
    }

    private static MeasuredControl Row(long total, long queue, long wait, long check, long release) =>
        new(Guid.NewGuid(), "KZ", "import", "CN-KZ-01", "3", "yellow", false, "released", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), queue, wait, check, release, total);
}
