namespace Caravan.Trade.Contracts;

/// <summary>A lodged consignment as its trader and the administrations on its route see it.</summary>
public sealed record ConsignmentView(
    Guid Id,
    string Reference,
    string Status,
    int Version,
    DateTimeOffset LodgedAt,
    string CountryOfDispatch,
    string CountryOfDestination,
    IReadOnlyList<CustomsControlView> Controls,
    ConsignmentDeclaration Declaration);

/// <param name="Role">export, transit or import.</param>
/// <param name="State">pre-arrival, under-assessment, channel-assigned, inspection, released or refused.</param>
public sealed record CustomsControlView(Guid Id, int Sequence, string Country, string Role, string State, string? EntryCrossingId, string? ExitCrossingId);
