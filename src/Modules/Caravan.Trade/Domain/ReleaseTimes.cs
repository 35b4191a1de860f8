namespace Caravan.Trade.Domain;

/// <summary>
/// One control's release-time measurement (issue 9): a projection of the border events and decisions, rebuilt by the
/// release-time consumer on every event that concerns the control's consignment. Instants are stored as instants;
/// durations in whole seconds, null when a stage is missing.
/// </summary>
internal sealed class ControlReleaseTime
{
    public Guid ControlId { get; set; }

    public Guid ConsignmentId { get; set; }

    public required string Reference { get; set; }

    public required string Country { get; set; }

    /// <summary>export, transit or import: the direction of the goods for this administration.</summary>
    public required string Role { get; set; }

    /// <summary>Where this administration's border procedure happens: the entry crossing, or the exit crossing of an export control.</summary>
    public string? CrossingId { get; set; }

    public string? EntryCrossingId { get; set; }

    public string? ExitCrossingId { get; set; }

    public string? TransportMode { get; set; }

    public string? Channel { get; set; }

    /// <summary>Whether the latest risk assessment treated the trader as an Authorised Economic Operator.</summary>
    public bool Aeo { get; set; }

    /// <summary>open, released, refused or cancelled.</summary>
    public required string Outcome { get; set; }

    /// <summary>When the consignment was lodged: the period a control counts in.</summary>
    public DateTimeOffset LodgedAt { get; set; }

    public DateTimeOffset? ArrivedAt { get; set; }

    public DateTimeOffset? QueuedAt { get; set; }

    public DateTimeOffset? CheckStartedAt { get; set; }

    public DateTimeOffset? CheckFinishedAt { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    public DateTimeOffset? RefusedAt { get; set; }

    public DateTimeOffset? ExitedAt { get; set; }

    public DateTimeOffset? EnteredNextAt { get; set; }

    public long? ArrivalToQueueSeconds { get; set; }

    public long? QueueToCheckSeconds { get; set; }

    public long? CheckSeconds { get; set; }

    public long? CheckToReleaseSeconds { get; set; }

    public long? ReleaseToExitSeconds { get; set; }

    public long? ExitToNextEntrySeconds { get; set; }

    public long? ArrivalToReleaseSeconds { get; set; }

    public long? ArrivalToExitSeconds { get; set; }
}

/// <summary>An administration's target: a share of its controls of a channel should be released within so many minutes of arrival.</summary>
internal sealed class ReleaseTimeTarget
{
    public required string Country { get; set; }

    /// <summary>green, yellow or red.</summary>
    public required string Channel { get; set; }

    public int Minutes { get; set; }

    public required string SetBy { get; set; }

    public DateTimeOffset SetAt { get; set; }
}
