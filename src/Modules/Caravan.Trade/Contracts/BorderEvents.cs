namespace Caravan.Trade.Contracts;

/// <param name="Type">arrived-at-crossing, entered-queue, check-started, check-finished, released, exited, entered-next-country or arrived-at-destination.</param>
/// <param name="Country">The country where it happened (at a crossing: the side that saw it).</param>
/// <param name="CrossingId">The crossing, for events at a border.</param>
/// <param name="OccurredAt">When it happened, with its offset (e.g. 2026-11-30T14:05:00+05:00).</param>
public sealed record BorderEventRequest(string? Type, string? Country, string? CrossingId, DateTimeOffset? OccurredAt);

/// <summary>One step of a consignment's cross-border story, in the local time of where it happened.</summary>
/// <param name="Kind">lodged, amended, decision or event.</param>
public sealed record TimelineEntry(DateTimeOffset At, string LocalTime, string Country, string Kind, string What, string? CrossingId, string? Detail);
