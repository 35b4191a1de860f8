namespace Caravan.Trade.Contracts;

/// <summary>A lodged consignment as its trader and the administrations on its route see it.</summary>
/// <param name="Status">Derived from its controls and events: lodged, in-transit, held, refused, released or arrived.</param>
/// <param name="HeldAt">Where it is held (a crossing, or the country of an inland control), when it is.</param>
/// <param name="MissingDocuments">Documents required on the route that are not attached (when lodging and reading one consignment; null in lists).</param>
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
    ConsignmentDeclaration Declaration,
    IReadOnlyList<MissingDocument>? MissingDocuments = null);

/// <summary>
/// A document an administration on the route requires for goods of the consignment (by HS code, for its role:
/// export, transit or import) that the declaration does not attach. A warning: the lodging is accepted, but the
/// control may stop there. Given when lodging and when one consignment is read.
/// </summary>
/// <param name="Kind">The document type to attach (documents[].type): phytosanitary-certificate, veterinary-certificate, licence, conformity-certificate, certificate-of-origin.</param>
/// <param name="Items">The goods items (from 0) it concerns.</param>
/// <param name="Illustrative">From the illustrative sample requirements, not legal data.</param>
public sealed record MissingDocument(string Country, string Direction, string Kind, string Title, string LegalSource, IReadOnlyList<int> Items, bool Illustrative);

/// <param name="Role">export, transit or import.</param>
/// <param name="State">pre-arrival, under-assessment, documents-requested, inspection, released, refused or cancelled.</param>
/// <param name="Channel">green, yellow or red: the administration's risk engine's, or its officer's since. The reasons are the administration's.</param>
public sealed record CustomsControlView(Guid Id, int Sequence, string Country, string Role, string State, string? EntryCrossingId, string? ExitCrossingId, string? Channel);

/// <param name="Reason">Why the trader withdraws the declaration (kept, and shown to the administrations).</param>
public sealed record CancellationRequest(string? Reason);

/// <summary>A field an amendment changed, named as validation problems name it (<c>goodsItems[0].netMassKg</c>).</summary>
/// <param name="Before">The value before, as text (a list or object as JSON); null when the field was absent.</param>
/// <param name="After">The value after; null when the amendment removed the field.</param>
public sealed record DeclarationChange(string Field, string? Before, string? After);

/// <summary>One version of a consignment's declaration: as lodged (version 1) or as an amendment made it.</summary>
/// <param name="Kind">lodged or amended.</param>
/// <param name="Changes">What changed from the version before; empty for the lodged version.</param>
public sealed record DeclarationVersionView(int Version, string Kind, DateTimeOffset RecordedAt, string RecordedBy, IReadOnlyList<DeclarationChange> Changes, ConsignmentDeclaration Declaration);
