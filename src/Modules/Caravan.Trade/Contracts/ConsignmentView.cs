namespace Caravan.Trade.Contracts;

/// <summary>A lodged consignment as its trader and the administrations on its route see it.</summary>
/// <param name="Status">Derived from its controls and events: lodged, in-transit, held, refused, released or arrived.</param>
/// <param name="HeldAt">Where it is held (a crossing, or the country of an inland control), when it is.</param>
public sealed record ConsignmentView(
    Guid Id,
    string Reference,
    string Status,
    string? HeldAt,
    int Version,
    DateTimeOffset LodgedAt,
    string CountryOfDispatch,
    string CountryOfDestination,
    IReadOnlyList<CustomsControlView> Controls,
    ConsignmentDeclaration Declaration);

/// <param name="Role">export, transit or import.</param>
/// <param name="State">pre-arrival, under-assessment, channel-assigned, inspection, released or refused.</param>
public sealed record CustomsControlView(Guid Id, int Sequence, string Country, string Role, string State, string? EntryCrossingId, string? ExitCrossingId);

/// <param name="Reason">Why the trader withdraws the declaration (kept, and shown to the administrations).</param>
public sealed record CancellationRequest(string? Reason);
