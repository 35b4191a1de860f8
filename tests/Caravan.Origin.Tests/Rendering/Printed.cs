using System.Text;
using Caravan.Origin.Rendering;

namespace Caravan.Origin.Tests.Rendering;

/// <summary>Certificates as the renderers receive them, and a credential-shaped token to carry.</summary>
internal static class Printed
{
    public const string Url = "https://caravan.example.org/origin/verify/CO-EG-2025-000123";

    public static PrintedCertificate Certificate(
        string exporterName = "Delta Cotton Spinning Co.",
        IReadOnlyList<PrintedItem>? items = null,
        string url = Url,
        string? token = null) =>
        new(
            Number: "CO-EG-2025-000123",
            IssuerName: "Alexandria Chamber of Commerce",
            IssuerCountry: "Egypt",
            ExporterName: exporterName,
            ExporterAddress: "14 Corniche Road\nAlexandria 21519\nEgypt",
            ImporterName: "Nordic Yarn Traders AB",
            ImporterAddress: "Hamngatan 3, 411 06 Göteborg, Sweden",
            ConsigneeCountry: "Sweden",
            Transport: "Sea freight, Alexandria to Gothenburg, vessel MSC Aurora",
            Items: items ??
            [
                new PrintedItem(1, "5205.12", "Single cotton yarn, uncombed, 80% cotton", "1,200 kg", "1,260 kg", "Wholly obtained", "Egypt"),
                new PrintedItem(2, "5208.11", "Woven fabrics of cotton, plain weave, unbleached", "3,000 m", "640 kg", "Sufficient processing", "Egypt"),
                new PrintedItem(3, "6109.10", "T-shirts of cotton, knitted", "500 pieces", "95 kg", "Product-specific rule", "Egypt"),
            ],
            IssuedAt: new DateTimeOffset(2025, 3, 4, 10, 30, 0, TimeSpan.FromHours(2)),
            ValidUntil: new DateTimeOffset(2026, 3, 4, 8, 30, 0, TimeSpan.Zero),
            Status: "Valid",
            VerificationUrl: url,
            Token: token ?? Token());

    /// <summary>A compact JWS in shape: a JSON header and payload, and a signature of the right length.</summary>
    public static string Token(int payloadSize = 600)
    {
        var header = Base64Url("{\"alg\":\"ES256\",\"typ\":\"vc+jwt\",\"kid\":\"did:web:caravan.example.org#key-1\"}"u8.ToArray());
        var payload = Base64Url(Encoding.UTF8.GetBytes("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"credentialSubject\":\"" + new string('x', payloadSize) + "\"}"));
        var signature = Base64Url([.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11))]);
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
