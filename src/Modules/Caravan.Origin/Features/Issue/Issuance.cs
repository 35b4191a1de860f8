using System.Globalization;
using System.Text.Json;
using Caravan.Origin.Contracts;
using Caravan.Origin.Data;
using Caravan.Origin.Domain;
using Caravan.Origin.Signing;

namespace Caravan.Origin.Features.Issue;

/// <summary>
/// Turns an approved application into a signed certificate: the next free position in the issuer's status lists,
/// the credential, its ES256 signature by the issuer's active key. Runs inside the reviewer's transaction, so an
/// approval and its certificate are stored together or not at all.
/// </summary>
internal sealed class Issuance(OriginDbContext db, KeyVault vault, OriginOptions options)
{
    public Certificate Issue(CertificateApplication application, IssuingBody issuer, SigningKey key, DateTimeOffset now, DateTimeOffset validUntil)
    {
        var content = JsonSerializer.Deserialize<CertificateApplicationRequest>(application.Content, JsonSerializerOptions.Web)!;
        var id = Guid.NewGuid();
        var number = Number(issuer.Country, now, id);
        var index = issuer.NextStatusIndex;
        if (index >= Trust.BitstringStatusList.Entries)
        {
            throw new InvalidOperationException($"The status lists of {issuer.Slug} are full; a second pair of lists is not built yet.");
        }

        issuer.NextStatusIndex = index + 1;
        var credential = CertificateCredential.Build(id, number, issuer, now, validUntil, content, application.ConsignmentReference, index, options);
        credential["iat"] = now.ToUnixTimeSeconds();
        var certificate = new Certificate
        {
            Id = id,
            Number = number,
            ApplicationId = application.Id,
            IssuerId = issuer.Id,
            ExporterOrganisation = application.ExporterOrganisation,
            ImportingCountry = content.ImportingCountry!.ToUpperInvariant(),
            ConsignmentId = application.ConsignmentId,
            Kid = key.Kid,
            Token = CompactJws.Sign(vault.Signer(key), key.Kid, CertificateCredential.JoseType, credential),
            IssuedAt = now,
            ValidFrom = now,
            ValidUntil = validUntil,
            StatusIndex = index,
            Status = CertificateStatuses.Active,
            StatusSince = now,
        };
        db.Certificates.Add(certificate);
        return certificate;
    }

    /// <summary>KZ-2026-3F9A0C1E: the country, the year, and the first eight hex digits of the id.</summary>
    public static string Number(string country, DateTimeOffset at, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{country}-{at.UtcDateTime.Year}-{id.ToString("N")[..8].ToUpperInvariant()}");
}
