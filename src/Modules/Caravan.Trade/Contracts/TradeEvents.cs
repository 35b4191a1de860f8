using Caravan.Platform.Messaging;

namespace Caravan.Trade.Contracts;

/// <summary>
/// What the Trade module tells national systems and traders' systems, through the feed, webhooks and NATS
/// (docs/api/events.md). Each is written to the outbox in the transaction of the change it reports.
/// </summary>
public static class TradeEvents
{
    public const string ControlCreated = "control.created";
    public const string ChannelAssigned = "control.channel-assigned";
    public const string DecisionRecorded = "control.decision-recorded";
    public const string Amended = "consignment.amended";
    public const string EventRecorded = "consignment.event-recorded";
    public const string Cancelled = "consignment.cancelled";

    internal static OutboxMessage Message(string type, Guid consignment, IEnumerable<string> countries, Guid trader, object payload) =>
        new(type, consignment.ToString(), payload, countries.ToList(), trader);
}

/// <summary><c>control.created</c>: pre-arrival data for one administration, as soon as the consignment is lodged.</summary>
public sealed record ControlCreatedEvent(Guid ConsignmentId, string Reference, Guid ControlId, string Country, string Role, string? EntryCrossingId, string? ExitCrossingId, string? Channel, int DeclarationVersion, ConsignmentDeclaration Declaration);

/// <summary><c>control.channel-assigned</c>: the administration's engine assessed the control again (after an amendment).</summary>
public sealed record ChannelAssignedEvent(Guid ConsignmentId, string Reference, Guid ControlId, string Country, string Channel, int DeclarationVersion);

/// <summary><c>control.decision-recorded</c>: an administration decided on its control.</summary>
public sealed record DecisionRecordedEvent(Guid ConsignmentId, string Reference, Guid ControlId, string Country, string Decision, string FromState, string ToState, string? Channel, string? ReasonCode, DateTimeOffset DecidedAt);

/// <summary><c>consignment.amended</c>: the declaration changed before release; every administration on the route gets it again.</summary>
public sealed record ConsignmentAmendedEvent(Guid ConsignmentId, string Reference, int Version, IReadOnlyList<DeclarationChange> Changes, ConsignmentDeclaration Declaration);

/// <summary><c>consignment.event-recorded</c>: something happened at a border.</summary>
public sealed record BorderEventRecordedEvent(Guid ConsignmentId, string Reference, string Type, string Country, string? CrossingId, DateTimeOffset OccurredAt);

/// <summary><c>consignment.cancelled</c>: the trader withdrew the consignment.</summary>
public sealed record ConsignmentCancelledEvent(Guid ConsignmentId, string Reference, string Reason);

/// <summary>A trader's notification: what happened to which consignment, where, and whether someone has read it.</summary>
/// <param name="Kind">control.decision-recorded, control.channel-assigned or consignment.event-recorded.</param>
/// <param name="What">The decision (release, refuse, request-documents…), the channel, or the border event.</param>
public sealed record NotificationView(Guid Id, Guid ConsignmentId, string Reference, string Kind, string Country, string What, string? Detail, DateTimeOffset OccurredAt, bool Read);

/// <param name="Marked">How many notifications were unread and are now read.</param>
public sealed record MarkedRead(int Marked);
