using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;

namespace Caravan.Origin.Features.Issue;

/// <summary>
/// The certificate of origin as a W3C Verifiable Credential 2.0 (the unsecured document that becomes the JWS
/// payload, VC-JOSE-COSE §3.1.1), and the status list credentials of W3C Bitstring Status List v1.0.
/// Terms outside the base context are issuer-dependent through its @vocab; ADR 0009 says why no extra context.
/// </summary>
internal static class CertificateCredential
{
    public const string BaseContext = "https://www.w3.org/ns/credentials/v2";
    public const string Type = "CertificateOfOrigin";
    public const string MediaType = "application/vc+jwt";
    public const string JoseType = "vc+jwt";

    public static JsonObject Build(
        Guid id,
        string number,
        IssuingBody issuer,
        DateTimeOffset validFrom,
        DateTimeOffset validUntil,
        CertificateApplicationRequest content,
        string? consignmentReference,
        int statusIndex,
        OriginOptions options)
    {
        var items = new JsonArray();
        var n = 0;
        foreach (var item in content.Items ?? [])
        {
            n++;
            var line = new JsonObject
            {
                ["itemNumber"] = n,
                ["hsCode"] = item.HsCode,
                ["description"] = item.Description,
                ["quantity"] = item.Quantity,
                ["unit"] = item.Unit,
                ["grossMassKg"] = item.GrossMassKg,
                ["countryOfOrigin"] = item.CountryOfOrigin,
                ["originCriterion"] = item.OriginCriterion,
            };
            if (item.InvoiceValue is { } value)
            {
                line["invoiceValue"] = new JsonObject { ["amount"] = value, ["currency"] = item.Currency };
            }

            items.Add(line);
        }

        var subject = new JsonObject
        {
            ["type"] = "ExportedGoods",
            ["certificateNumber"] = number,
            ["exporter"] = Party(content.Exporter),
            ["importer"] = Party(content.Importer),
            ["consigneeCountry"] = content.ImportingCountry,
            ["goodsItems"] = items,
        };
        if (content.Transport is { } transport)
        {
            subject["transport"] = new JsonObject
            {
                ["mode"] = transport.Mode,
                ["means"] = transport.Means,
                ["departureDate"] = transport.DepartureDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["route"] = transport.Route,
            };
        }

        if (consignmentReference is not null)
        {
            subject["consignmentReference"] = consignmentReference;
        }

        if (!string.IsNullOrWhiteSpace(content.Remarks))
        {
            subject["remarks"] = content.Remarks;
        }

        return new JsonObject
        {
            ["@context"] = new JsonArray(BaseContext),
            ["id"] = $"urn:uuid:{id}",
            ["type"] = new JsonArray("VerifiableCredential", Type),
            ["name"] = $"Certificate of origin {number}",
            ["issuer"] = new JsonObject { ["id"] = issuer.Did, ["name"] = issuer.Name },
            ["validFrom"] = Timestamp(validFrom),
            ["validUntil"] = Timestamp(validUntil),
            ["credentialSubject"] = subject,
            ["credentialStatus"] = new JsonArray(
                StatusEntry(issuer, StatusPurposes.Revocation, statusIndex, options),
                StatusEntry(issuer, StatusPurposes.Suspension, statusIndex, options)),
        };
    }

    public static JsonObject StatusListCredential(IssuingBody issuer, string purpose, byte[] bits, DateTimeOffset now, OriginOptions options)
    {
        var url = options.StatusListUrl(issuer.Slug, purpose);
        return new JsonObject
        {
            ["@context"] = new JsonArray(BaseContext),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = issuer.Did,
            ["validFrom"] = Timestamp(now),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = url + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = purpose,
                ["encodedList"] = Trust.BitstringStatusList.Encode(bits),
            },
        };
    }

    /// <summary>XML Schema dateTime in UTC to the second, as the VC data model's examples write it.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    /// <summary>Reads a string member, or null.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonObject StatusEntry(IssuingBody issuer, string purpose, int index, OriginOptions options)
    {
        var list = options.StatusListUrl(issuer.Slug, purpose);
        return new JsonObject
        {
            ["id"] = $"{list}#{index.ToString(CultureInfo.InvariantCulture)}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = purpose,
            ["statusListIndex"] = index.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = list,
        };
    }

    private static JsonObject Party(OriginParty? party) => new()
    {
        ["name"] = party?.Name,
        ["address"] = party?.Address,
        ["country"] = party?.Country,
        ["identifier"] = party?.Identifier,
    };

    internal static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
}
