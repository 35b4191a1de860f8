namespace Caravan.Trade.Contracts;

/// <summary>
/// A consignment declaration as a trader or a national system sends it, aligned with the WCO Data Model: parties,
/// goods items, containers and seals, transport, documents and the route with a border crossing for each border.
/// Every member is nullable: a missing value is reported by the validator with its field, not by the JSON reader.
/// </summary>
public sealed record ConsignmentDeclaration(
    Party? Declarant,
    Party? Exporter,
    Party? Importer,
    Party? Carrier,
    IReadOnlyList<GoodsItem>? GoodsItems,
    IReadOnlyList<Container>? Containers,
    string? TransportMode,
    string? TransportMeans,
    IReadOnlyList<AttachedDocument>? Documents,
    string? CountryOfDispatch,
    string? CountryOfDestination,
    Route? Route);

/// <param name="Country">ISO 3166 code of the party's country.</param>
/// <param name="NationalIdentifier">USCC, BIN/IIN, INN/TIN for parties in the six member states.</param>
public sealed record Party(string? Name, string? Country, string? NationalIdentifier);

/// <param name="HsCode">At least 6 digits, valid in HS 2022 (national 8–10 digit lines are accepted; the first 6 are checked).</param>
/// <param name="Unit">UN/ECE Recommendation 20 code of <paramref name="Quantity"/>.</param>
/// <param name="Currency">ISO 4217 code of <paramref name="Value"/>.</param>
public sealed record GoodsItem(
    string? HsCode,
    string? Description,
    decimal? Quantity,
    string? Unit,
    decimal? GrossMassKg,
    decimal? NetMassKg,
    decimal? Value,
    string? Currency,
    string? CountryOfOrigin,
    int? Packages,
    string? PackageType);

/// <param name="Number">ISO 6346 container number with its check digit.</param>
public sealed record Container(string? Number, IReadOnlyList<string>? Seals);

public sealed record AttachedDocument(string? Type, string? Number, string? Issuer);

/// <param name="Countries">The countries in the order the goods pass through them, from dispatch to destination.</param>
/// <param name="Crossings">One border crossing (reference id, e.g. CN-KZ-01) for each border, in order.</param>
public sealed record Route(IReadOnlyList<string>? Countries, IReadOnlyList<string>? Crossings);
