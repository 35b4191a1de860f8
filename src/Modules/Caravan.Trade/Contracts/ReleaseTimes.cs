namespace Caravan.Trade.Contracts;

/// <summary>The release-time aggregates of a period, grouped one way, with the bottleneck hint per crossing.</summary>
/// <param name="PreviousFrom">The previous period of the same length, that the bottleneck hint compares with.</param>
/// <param name="PercentileMethod">How percentiles are computed.</param>
public sealed record ReleaseTimeReport(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string GroupBy, string PercentileMethod, IReadOnlyList<ReleaseTimeGroup> Groups, IReadOnlyList<BottleneckHint> Bottlenecks);

/// <param name="Key">The crossing id, side (crossing/country: CN-KZ-01/KZ), country, direction (export/transit/import), mode (UN/ECE Rec. 19 code), channel, aeo/non-aeo, or period (2026-11-30, 2026-W48, 2026-11).</param>
/// <param name="Controls">Controls in the group (lodged in the period), whatever their state.</param>
/// <param name="Total">Arrival at the crossing to release, over the controls that have both.</param>
/// <param name="WithTarget">Measured controls whose country set a target for their channel.</param>
/// <param name="WithinTargetShare">Of those, the share released within the target (0–1); null without targets.</param>
/// <param name="Stages">arrival-to-queue, queue-to-check, check, check-to-release.</param>
public sealed record ReleaseTimeGroup(string Key, int Controls, int Released, int Refused, DurationFigures Total, int WithTarget, double? WithinTargetShare, IReadOnlyList<DurationFigures> Stages);

/// <summary>Arrival-to-release times per channel, in bins of one width, with each channel's spread.</summary>
/// <param name="BinSeconds">The width of every bin but the last, which is open-ended when anything lies beyond.</param>
public sealed record ReleaseTimeDistribution(DateOnly From, DateOnly To, long BinSeconds, IReadOnlyList<DistributionBin> Bins, IReadOnlyList<ChannelSpread> Channels);

/// <param name="ToSeconds">Exclusive; null for the open-ended last bin.</param>
/// <param name="Counts">Controls per channel whose arrival-to-release time lies in the bin.</param>
public sealed record DistributionBin(long FromSeconds, long? ToSeconds, IReadOnlyDictionary<string, int> Counts);

/// <summary>A channel's arrival-to-release times: quartiles, 90th percentile and the longest, in seconds.</summary>
public sealed record ChannelSpread(string Channel, int Count, double? Q1Seconds, double? MedianSeconds, double? Q3Seconds, double? P90Seconds, long? MaxSeconds);

/// <summary>Durations in seconds: how many, median, 90th and 95th percentiles, mean (null when there are none).</summary>
public sealed record DurationFigures(string Stage, int Count, double? MedianSeconds, double? P90Seconds, double? P95Seconds, double? MeanSeconds);

/// <summary>At a crossing, the stage that takes longest (on average) among its slowest tenth of controls.</summary>
/// <param name="MeanSeconds">That stage's mean duration among the controls at or above the 90th percentile of arrival-to-release.</param>
/// <param name="Slowest">How many controls that is.</param>
/// <param name="PreviousStage">The bottleneck in the previous period of the same length (null without data).</param>
/// <param name="PreviousMeanSeconds">The same stage's mean among the previous period's slowest tenth.</param>
/// <param name="ChangeSeconds">MeanSeconds − PreviousMeanSeconds: positive means the stage got slower.</param>
public sealed record BottleneckHint(string Crossing, string Stage, double? MeanSeconds, int Slowest, string? PreviousStage, double? PreviousMeanSeconds, double? ChangeSeconds);

/// <summary>One control's release-time measurement: stage instants and durations in seconds (null = the stage was not reported).</summary>
/// <param name="Role">The direction for this administration: export, transit or import.</param>
/// <param name="CrossingId">Where its border procedure happens: the entry crossing (the exit crossing for export).</param>
/// <param name="TransportMode">UN/ECE Recommendation 19 code.</param>
/// <param name="Outcome">open, released, refused or cancelled.</param>
public sealed record ControlReleaseTimeView(
    Guid ControlId,
    Guid ConsignmentId,
    string Reference,
    string Country,
    string Role,
    string? CrossingId,
    string? TransportMode,
    string? Channel,
    bool Aeo,
    string Outcome,
    DateTimeOffset LodgedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? CheckStartedAt,
    DateTimeOffset? CheckFinishedAt,
    DateTimeOffset? ReleasedAt,
    DateTimeOffset? RefusedAt,
    DateTimeOffset? ExitedAt,
    DateTimeOffset? EnteredNextAt,
    long? ArrivalToQueueSeconds,
    long? QueueToCheckSeconds,
    long? CheckSeconds,
    long? CheckToReleaseSeconds,
    long? ReleaseToExitSeconds,
    long? ExitToNextEntrySeconds,
    long? ArrivalToReleaseSeconds,
    long? ArrivalToExitSeconds);

/// <param name="Minutes">From arrival at the crossing to release.</param>
public sealed record ReleaseTimeTargetView(string Country, string Channel, int Minutes, DateTimeOffset SetAt);

/// <param name="Minutes">From arrival at the crossing to release, 1 to 43200.</param>
public sealed record ReleaseTimeTargetRequest(int? Minutes);

/// <summary>
/// Measures every consignment's controls again from the border events and decisions (the operator's
/// <c>caravan release-times rebuild</c>): after a change to how stages are measured, or to repair the table. The
/// projection is a function of the source, so a rebuild while the event consumer runs is safe.
/// </summary>
public interface IReleaseTimeRebuild
{
    /// <param name="progress">Called with the consignments measured so far, after each batch.</param>
    Task<ReleaseTimeRebuildResult> RebuildAsync(IProgress<int>? progress, CancellationToken cancellationToken);
}

/// <param name="Removed">Rows of controls that no longer exist, deleted.</param>
public sealed record ReleaseTimeRebuildResult(int Consignments, int Controls, int Removed);
