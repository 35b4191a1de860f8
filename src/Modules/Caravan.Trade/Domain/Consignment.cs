namespace Caravan.Trade.Domain;

/// <summary>A consignment as lodged: the declaration, who lodged it, and its route.</summary>
internal sealed class Consignment
{
    public Guid Id { get; set; }

    /// <summary>The reference people quote, unique across the platform, e.g. CV-2026-7K3M9QXA.</summary>
    public required string Reference { get; set; }

    public Guid LodgedByOrganisation { get; set; }

    public required string LodgedBy { get; set; }

    public required string CountryOfDispatch { get; set; }

    public required string CountryOfDestination { get; set; }

    /// <summary>The declaration as lodged (JSON); its fields are validated before it is stored.</summary>
    public required string Declaration { get; set; }

    public int Version { get; set; } = 1;

    public required string Status { get; set; }

    public DateTimeOffset LodgedAt { get; set; }

    /// <summary>The client's Idempotency-Key, and the SHA-256 of the body it came with.</summary>
    public string? IdempotencyKey { get; set; }

    public string? RequestHash { get; set; }

    public List<CustomsControl> Controls { get; set; } = [];

    public List<BorderEvent> Events { get; set; } = [];

    public List<DeclarationVersion> Versions { get; set; } = [];
}

/// <summary>
/// One version of a consignment's declaration, kept for ever: the first as lodged, then each amendment with the
/// fields it changed. The consignment row holds the current one; these say what it was and who changed what.
/// </summary>
internal sealed class DeclarationVersion
{
    public Guid Id { get; set; }

    public Guid ConsignmentId { get; set; }

    /// <summary>The consignment's version when this declaration became current (1 at lodging).</summary>
    public int Version { get; set; }

    /// <summary>lodged or amended.</summary>
    public required string Kind { get; set; }

    /// <summary>The declaration of this version (JSON).</summary>
    public required string Declaration { get; set; }

    /// <summary>What changed from the version before (JSON list of field, before, after); empty at lodging.</summary>
    public required string Changes { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>Something that happened to the consignment at a place and time, as reported by whoever saw it.</summary>
internal sealed class BorderEvent
{
    public Guid Id { get; set; }

    public Guid ConsignmentId { get; set; }

    /// <summary>arrived-at-crossing, entered-queue, check-started, check-finished, released, exited, entered-next-country, arrived-at-destination.</summary>
    public required string Type { get; set; }

    public required string Country { get; set; }

    public string? CrossingId { get; set; }

    /// <summary>When it happened (not when it was reported): events are placed by this time.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>One administration's control of a consignment: export, transit or import, with its own state.</summary>
internal sealed class CustomsControl
{
    public Guid Id { get; set; }

    public Guid ConsignmentId { get; set; }

    public int Sequence { get; set; }

    public required string Country { get; set; }

    /// <summary>export, transit or import.</summary>
    public required string Role { get; set; }

    /// <summary>pre-arrival, under-assessment, channel-assigned, inspection, released, refused.</summary>
    public required string State { get; set; }

    public string? EntryCrossingId { get; set; }

    public string? ExitCrossingId { get; set; }

    /// <summary>green (released on documents as declared), yellow (documentary check), red (physical inspection).</summary>
    public string? Channel { get; set; }

    public List<ControlDecision> Decisions { get; set; } = [];

    public List<ControlAssessment> Assessments { get; set; } = [];
}

/// <summary>
/// The administration's risk engine on this control, kept for ever: the channel and its explanation (profile
/// version, rules fired, AEO treatment, random draw and its seed), for the declaration version it assessed.
/// </summary>
internal sealed class ControlAssessment
{
    public Guid Id { get; set; }

    public Guid ControlId { get; set; }

    public int DeclarationVersion { get; set; }

    public DateTimeOffset AssessedAt { get; set; }

    public required string Channel { get; set; }

    public int Score { get; set; }

    public int? ProfileVersion { get; set; }

    /// <summary>The <see cref="Caravan.Risk.Contracts.RiskAssessment"/> as JSON.</summary>
    public required string Explanation { get; set; }
}

/// <summary>One decision on a control, kept for ever: who decided what, why, and the states before and after.</summary>
internal sealed class ControlDecision
{
    public Guid Id { get; set; }

    public Guid ControlId { get; set; }

    public required string Decision { get; set; }

    public string? ReasonCode { get; set; }

    public string? Note { get; set; }

    public required string DecidedBy { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public required string FromState { get; set; }

    public required string ToState { get; set; }

    /// <summary>The national system's message id (Idempotency-Key), so that a retried decision is applied once.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the decision, reason and note the key came with.</summary>
    public string? RequestHash { get; set; }
}

/// <summary>Something a trader should know about its consignment, made from an event of the feed (one per event).</summary>
internal sealed class TraderNotification
{
    public Guid Id { get; set; }

    /// <summary>The feed event it came from: the consumer may see an event twice and stores it once.</summary>
    public Guid EventId { get; set; }

    public Guid Organisation { get; set; }

    public Guid ConsignmentId { get; set; }

    public required string Reference { get; set; }

    /// <summary>The event type (control.decision-recorded, control.channel-assigned, consignment.event-recorded).</summary>
    public required string Kind { get; set; }

    public required string Country { get; set; }

    /// <summary>The decision, the channel or the border event.</summary>
    public required string What { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
