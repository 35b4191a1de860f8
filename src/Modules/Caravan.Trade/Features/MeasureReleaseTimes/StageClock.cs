namespace Caravan.Trade.Features.MeasureReleaseTimes;

/// <summary>A border event as the clock reads it: what, where (country, crossing) and when (an instant with its offset).</summary>
internal sealed record ClockEvent(string Type, string Country, string? CrossingId, DateTimeOffset OccurredAt);

/// <summary>A decision on the control as the clock reads it.</summary>
internal sealed record ClockDecision(string Decision, DateTimeOffset DecidedAt);

/// <summary>The control the clock measures: its country and the crossings where its goods enter and leave.</summary>
internal sealed record ClockControl(string Country, string? EntryCrossingId, string? ExitCrossingId)
{
    /// <summary>Where this administration's border procedure happens: the entry crossing, or for an export control (no entry) the exit crossing.</summary>
    public string? Crossing => EntryCrossingId ?? ExitCrossingId;
}

/// <summary>The instants of a control's stages; null where nothing marked the stage.</summary>
internal sealed record StageInstants(
    DateTimeOffset? Arrived,
    DateTimeOffset? Queued,
    DateTimeOffset? CheckStarted,
    DateTimeOffset? CheckFinished,
    DateTimeOffset? Released,
    DateTimeOffset? Refused,
    DateTimeOffset? Exited,
    DateTimeOffset? EnteredNext);

/// <summary>Durations in whole seconds between consecutive stages, and the totals; null when either end is missing.</summary>
internal sealed record StageDurations(
    long? ArrivalToQueue,
    long? QueueToCheck,
    long? Check,
    long? CheckToRelease,
    long? ReleaseToExit,
    long? ExitToNextEntry,
    long? ArrivalToRelease,
    long? ArrivalToExit)
{
    /// <summary>The four stages that make up <see cref="ArrivalToRelease"/>, by name, for the bottleneck hint.</summary>
    public IEnumerable<(string Stage, long? Seconds)> ReleaseStages() =>
    [
        (StageClock.ArrivalToQueueStage, ArrivalToQueue),
        (StageClock.QueueToCheckStage, QueueToCheck),
        (StageClock.CheckStage, Check),
        (StageClock.CheckToReleaseStage, CheckToRelease),
    ];
}

/// <summary>
/// The release-time clock of one customs control, in the manner of the WCO Time Release Study: pure, from the
/// consignment's border events and the control's decisions, in any order, duplicates included.
/// <para>Which event or decision marks each stage (the control's country C, its crossing K = entry crossing, or the exit
/// crossing for an export control, its exit crossing X):</para>
/// <list type="bullet">
/// <item><b>arrived</b>: the earliest <c>arrived-at-crossing</c> reported by C at K.</item>
/// <item><b>queued</b>: the earliest <c>entered-queue</c> reported by C at K.</item>
/// <item><b>check started</b>: the earliest <c>check-started</c> reported by C at K.</item>
/// <item><b>check finished</b>: the latest <c>check-finished</c> reported by C at K (several checks: the last one ends the checking).</item>
/// <item><b>released</b>: the earliest <c>release</c> decision on the control; without one, the earliest <c>released</c> event
/// reported by C at K. Null when the control was refused, or not released yet.</item>
/// <item><b>refused</b>: the earliest <c>refuse</c> decision on the control.</item>
/// <item><b>exited</b>: the earliest <c>exited</c> reported by C at X (a control without an exit crossing: null).</item>
/// <item><b>entered next</b>: the earliest <c>entered-next-country</c> at X, reported by either side.</item>
/// </list>
/// <para>Events are placed by when they happened, never by when they arrived, so a late report changes nothing but the
/// stage it marks; the same event twice (same type, country, crossing, instant) counts once, as the earliest/latest
/// rule picks one of equal instants. Durations are differences of instants (offsets do not matter: 10:00+08:00 and
/// 07:00+05:00 are the same instant), in whole seconds. A missing stage gives null, never zero; a stage marked before
/// the one it follows (e.g. a release decided on pre-arrival data, before the truck arrived) gives zero: the goods
/// waited for nothing.</para>
/// </summary>
internal static class StageClock
{
    public const string ArrivalToQueueStage = "arrival-to-queue";
    public const string QueueToCheckStage = "queue-to-check";
    public const string CheckStage = "check";
    public const string CheckToReleaseStage = "check-to-release";

    public static StageInstants Instants(ClockControl control, IEnumerable<ClockEvent> events, IEnumerable<ClockDecision> decisions)
    {
        var atCrossing = events.Where(e => e.Country == control.Country && control.Crossing is not null && e.CrossingId == control.Crossing).ToList();
        DateTimeOffset? First(IEnumerable<ClockEvent> source, string type) =>
            source.Where(e => e.Type == type).Select(e => (DateTimeOffset?)e.OccurredAt).Min();

        var decided = decisions.ToList();
        var releaseDecision = decided.Where(d => d.Decision == "release").Select(d => (DateTimeOffset?)d.DecidedAt).Min();
        var refused = decided.Where(d => d.Decision == "refuse").Select(d => (DateTimeOffset?)d.DecidedAt).Min();
        var released = refused is not null && releaseDecision is null ? null : releaseDecision ?? First(atCrossing, "released");

        var atExit = control.ExitCrossingId is null ? [] : events.Where(e => e.CrossingId == control.ExitCrossingId).ToList();
        return new StageInstants(
            Arrived: First(atCrossing, "arrived-at-crossing"),
            Queued: First(atCrossing, "entered-queue"),
            CheckStarted: First(atCrossing, "check-started"),
            CheckFinished: atCrossing.Where(e => e.Type == "check-finished").Select(e => (DateTimeOffset?)e.OccurredAt).Max(),
            Released: released,
            Refused: refused,
            Exited: First(atExit.Where(e => e.Country == control.Country), "exited"),
            EnteredNext: First(atExit, "entered-next-country"));
    }

    public static StageDurations Durations(StageInstants s) => new(
        Between(s.Arrived, s.Queued),
        Between(s.Queued, s.CheckStarted),
        Between(s.CheckStarted, s.CheckFinished),
        Between(s.CheckFinished, s.Released),
        Between(s.Released, s.Exited),
        Between(s.Exited, s.EnteredNext),
        Between(s.Arrived, s.Released),
        Between(s.Arrived, s.Exited));

    /// <summary>Whole seconds from one instant to a later one; null if either is missing, zero if the later came first.</summary>
    public static long? Between(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } a && to is { } b ? Math.Max(0L, (long)Math.Floor((b.UtcDateTime - a.UtcDateTime).TotalSeconds)) : null;
}
