using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Caravan.Origin;
using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Features.Trust;
using Caravan.Origin.Features.Verify;
using Caravan.Origin.Signing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Caravan.Benchmarks;

/// <summary>
/// Verification of a certificate of origin of three goods items (issue 7): the ES256 signature check alone, beside
/// the same check by jose-jwt (an independent JOSE library, the baseline), and the whole verification (parse, key
/// and issuer from the trust snapshot, status bits, validity period) as <c>POST /api/v1/certificates/verify</c> runs
/// it once the snapshot is in memory. Run: <c>dotnet run -c Release -- --filter *CertificateVerification*</c>.
/// </summary>
[MemoryDiagnoser]
public class CertificateVerificationBenchmarks
{
    private readonly DateTimeOffset _now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private string _token = null!;
    private ECDsa _publicKey = null!;
    private SigningKey _key = null!;
    private KeyVault _vault = null!;
    private TrustSnapshot _trust = null!;
    private CertificateVerifier _verifier = null!;
    private System.Text.Json.Nodes.JsonObject _credential = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new OriginOptions(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [OriginOptions.PublicBaseUrlSetting] = "https://caravan.example" }).Build());
        _vault = new KeyVault(new EphemeralDataProtectionProvider());
        var issuer = new IssuingBody { Id = Guid.NewGuid(), Slug = "issuer-kz", Did = options.DidFor("issuer-kz"), Name = "Chamber of Commerce (benchmark)", Country = "KZ", Trusted = true, TrustedFrom = _now.AddYears(-1) };
        _key = _vault.Create(issuer.Id, issuer.Did, _now.AddDays(-30));
        var items = Enumerable.Range(1, 3).Select(i => new OriginGoodsItem(i, "520523", $"Cotton yarn lot {i}", 6000m, "KGM", 6200m, "KZ", OriginCriteria.WhollyObtained, 17400m, "USD")).ToList();
        var content = new CertificateApplicationRequest(
            issuer.Id,
            null,
            new OriginParty("Steppe Cotton LLP", "12 Abay Avenue, Shymkent", "KZ", "210440012348"),
            new OriginParty("Tashkent Weaving LLC", "5 Amir Temur Street, Tashkent", "UZ", "301234567"),
            "UZ",
            items,
            new OriginTransport("2", "Wagon 52841037", new DateOnly(2026, 12, 3), "Saryagash – Keles"),
            null);
        var credential = CertificateCredential.Build(Guid.NewGuid(), "KZ-2026-0BENCH00", issuer, _now.AddDays(-1), _now.AddDays(364), content, null, 4711, options);
        _credential = credential;
        _token = CompactJws.Sign(_vault.Signer(_key), _key.Kid, CertificateCredential.JoseType, credential);
        _publicKey = _vault.Verifier(_key.Kid, _key.X, _key.Y);
        _trust = new TrustSnapshot
        {
            IssuersByDid = new Dictionary<string, IssuingBody> { [issuer.Did] = issuer },
            KeysByKid = new Dictionary<string, SigningKey> { [_key.Kid] = _key },
            StatusBits = new Dictionary<(Guid, string), byte[]>
            {
                [(issuer.Id, StatusPurposes.Revocation)] = BitstringStatusList.Empty(),
                [(issuer.Id, StatusPurposes.Suspension)] = BitstringStatusList.Empty(),
            },
            BuiltAt = _now,
        };
        _verifier = new CertificateVerifier(null!, _vault, TimeProvider.System);
        if (_verifier.Verify(_token, _now, _trust, _now).Verdict != "valid" || !SignatureOnly() || Jose.JWT.Decode(_token, _publicKey, Jose.JwsAlgorithm.ES256).Length == 0)
        {
            throw new InvalidOperationException("The benchmark certificate does not verify.");
        }
    }

    [Benchmark(Baseline = true, Description = "signature, jose-jwt")]
    public string SignatureJoseJwt() => Jose.JWT.Decode(_token, _publicKey, Jose.JwsAlgorithm.ES256);

    [Benchmark(Description = "signature, Caravan")]
    public bool SignatureOnly() => CompactJws.TryParse(_token, out var jws, out _) && CompactJws.Verify(_publicKey, jws);

    [Benchmark(Description = "whole verification, Caravan")]
    public string WholeVerification() => _verifier.Verify(_token, _now, _trust, _now).Verdict;

    /// <summary>Issuing's share: serialising and signing the same credential.</summary>
    [Benchmark(Description = "signing, Caravan")]
    public int Sign() => CompactJws.Sign(_vault.Signer(_key), _key.Kid, CertificateCredential.JoseType, _credential).Length;
}
