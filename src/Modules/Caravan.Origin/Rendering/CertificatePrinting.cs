using System.Globalization;
using System.Text.Json.Nodes;
using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Signing;
using Caravan.Reference.Contracts;

namespace Caravan.Origin.Rendering;

/// <summary>
/// What is printed is read from the signed token itself, not from the database: the paper says exactly what the
/// credential says. Country codes become names and criteria become words in the reader's language.
/// </summary>
internal sealed class CertificatePrinting(ICountryDirectory countries)
{
    public static readonly IReadOnlyDictionary<string, string> CriterionNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OriginCriteria.WhollyObtained] = "Wholly obtained",
        [OriginCriteria.ProducedFromOriginatingMaterials] = "Produced from originating materials",
        [OriginCriteria.SufficientProcessing] = "Sufficient processing",
        [OriginCriteria.ChangeOfTariffClassification] = "Change of tariff classification",
        [OriginCriteria.ValueAdded] = "Value added",
    };

    public async Task<PrintedCertificate> PrintableAsync(Certificate row, CertificateView view, CancellationToken ct)
    {
        CompactJws.TryParse(row.Token, out var jws, out _);
        var subject = jws.Payload?["credentialSubject"] as JsonObject ?? [];
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        async Task<string> CountryName(string? code) =>
            code is null ? string.Empty : (await countries.FindAsync(code, ct))?.NameIn(language) ?? code;

        var items = new List<PrintedItem>();
        foreach (var item in (subject["goodsItems"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var criterion = CertificateCredential.Text(item["originCriterion"]) ?? string.Empty;
            items.Add(new PrintedItem(
                item["itemNumber"]?.GetValue<int>() ?? items.Count + 1,
                CertificateCredential.Text(item["hsCode"]) ?? string.Empty,
                CertificateCredential.Text(item["description"]) ?? string.Empty,
                $"{Number(item["quantity"])} {CertificateCredential.Text(item["unit"])}".Trim(),
                $"{Number(item["grossMassKg"])} kg",
                CriterionNames.GetValueOrDefault(criterion, criterion),
                await CountryName(CertificateCredential.Text(item["countryOfOrigin"]))));
        }

        var transport = subject["transport"] as JsonObject;
        var transportText = transport is null
            ? string.Empty
            : string.Join(", ", new[] { CertificateCredential.Text(transport["means"]), CertificateCredential.Text(transport["route"]), CertificateCredential.Text(transport["departureDate"]) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new PrintedCertificate(
            view.Number,
            view.IssuingBodyName,
            await CountryName(view.Country),
            CertificateCredential.Text(subject["exporter"]?["name"]) ?? string.Empty,
            Address(subject["exporter"]),
            CertificateCredential.Text(subject["importer"]?["name"]) ?? string.Empty,
            Address(subject["importer"]),
            await CountryName(CertificateCredential.Text(subject["consigneeCountry"])),
            transportText,
            items,
            view.IssuedAt,
            view.ValidUntil,
            view.Status,
            view.VerificationUrl,
            row.Token);
    }

    private static string Address(JsonNode? party) =>
        string.Join(", ", new[] { CertificateCredential.Text(party?["address"]), CertificateCredential.Text(party?["country"]) }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;
}
