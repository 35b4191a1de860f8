namespace Caravan.Origin.Rendering;

/// <summary>
/// A certificate of origin as it is printed: every text already in the reader's words (names of countries, the
/// origin criterion spelled out), so the HTML page and the PDF say the same thing.
/// </summary>
/// <param name="VerificationUrl">The public verification page of this certificate; the QR code carries it.</param>
/// <param name="Token">The compact JWS itself; the PDF carries it so that an uploaded PDF can be verified.</param>
internal sealed record PrintedCertificate(
    string Number,
    string IssuerName,
    string IssuerCountry,
    string ExporterName,
    string ExporterAddress,
    string ImporterName,
    string ImporterAddress,
    string ConsigneeCountry,
    string Transport,
    IReadOnlyList<PrintedItem> Items,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil,
    string Status,
    string VerificationUrl,
    string Token);

internal sealed record PrintedItem(int Number, string HsCode, string Description, string Quantity, string GrossMass, string OriginCriterion, string CountryOfOrigin);
