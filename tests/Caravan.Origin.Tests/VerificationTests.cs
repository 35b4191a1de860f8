using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Origin;
using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Features.Trust;
using Caravan.Origin.Features.Verify;
using Caravan.Origin.Signing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Caravan.Origin.Tests;

/// <summary>
/// The verifier's answers on credentials built in memory, for the cases the API tests do not reach easily: a key
/// used before it existed, a key of another issuer, goods of another country, a missing status entry, a token that
/// is not a credential. Each fails its own question with its own code.
/// </summary>
public sealed class VerificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly OriginOptions _options = new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [OriginOptions.PublicBaseUrlSetting] = "https://caravan.example" }).Build());
    private readonly KeyVault _vault = new(new EphemeralDataProtectionProvider());
    private readonly IssuingBody _kz;
    private readonly IssuingBody _uz;
    private readonly SigningKey _kzKey;
    private readonly SigningKey _uzKey;
    private readonly TrustSnapshot _trust;
    private readonly CertificateVerifier _verifier;

    public VerificationTests()
    {
        _kz = Issuer("issuer-kz", "KZ");
        _uz = Issuer("issuer-uz", "UZ");
        _kzKey = _vault.Create(_kz.Id, _kz.Did, Now.AddDays(-30));
        _uzKey = _vault.Create(_uz.Id, _uz.Did, Now.AddDays(-30));
        _trust = new TrustSnapshot
        {
            IssuersByDid = new Dictionary<string, IssuingBody> { [_kz.Did] = _kz, [_uz.Did] = _uz },
            KeysByKid = new Dictionary<string, SigningKey> { [_kzKey.Kid] = _kzKey, [_uzKey.Kid] = _uzKey },
            StatusBits = new Dictionary<(Guid, string), byte[]>
            {
                [(_kz.Id, StatusPurposes.Revocation)] = BitstringStatusList.Empty(),
                [(_kz.Id, StatusPurposes.Suspension)] = BitstringStatusList.Empty(),
            },
            BuiltAt = Now,
        };
        _verifier = new CertificateVerifier(null!, _vault, TimeProvider.System);
    }

    private IssuingBody Issuer(string slug, string country) =>
        new() { Id = Guid.NewGuid(), Slug = slug, Did = _options.DidFor(slug), Name = $"Chamber of commerce {country}", Country = country, Trusted = true, TrustedFrom = Now.AddYears(-1) };

    private JsonObject Credential(IssuingBody issuer, DateTimeOffset validFrom, string origin = "KZ", int index = 7)
    {
        var content = new CertificateApplicationRequest(
            issuer.Id,
            null,
            new OriginParty("Steppe Cotton LLP", "Shymkent", issuer.Country, null),
            new OriginParty("Tashkent Weaving LLC", "Tashkent", "UZ", null),
            "UZ",
            [new OriginGoodsItem(null, "520523", "Cotton yarn", 100m, "KGM", 104m, origin, OriginCriteria.WhollyObtained, null, null)],
            null,
            null);
        return CertificateCredential.Build(Guid.NewGuid(), "KZ-2026-TEST0001", issuer, validFrom, validFrom.AddDays(365), content, null, index, _options);
    }

    private string Sign(SigningKey key, JsonObject credential) =>
        CompactJws.Sign(_vault.Signer(key), key.Kid, CertificateCredential.JoseType, credential);

    private VerificationResult Verify(string token, DateTimeOffset? at = null) => _verifier.Verify(token, at ?? Now, _trust, Now);

    [Fact]
    public void A_sound_certificate_passes_all_four_questions()
    {
        var result = Verify(Sign(_kzKey, Credential(_kz, Now.AddDays(-1))));

        Assert.Equal("valid", result.Verdict);
        Assert.Equal(["signature-valid", "trusted", "active", "within-period"], new[] { result.Integrity.Code, result.Issuer.Code, result.Status.Code, result.Validity.Code });
        Assert.Equal("KZ-2026-TEST0001", result.Certificate!.Number);
        Assert.Equal("520523", Assert.Single(result.Certificate.Items).HsCode);
    }

    [Fact]
    public void A_certificate_dated_before_its_key_existed_fails_the_issuer_question()
    {
        var result = Verify(Sign(_kzKey, Credential(_kz, Now.AddDays(-60))), Now.AddDays(-50));

        Assert.Equal("key-not-active", result.Issuer.Code);
        Assert.Equal("passed", result.Integrity.Outcome);
        Assert.Equal("invalid", result.Verdict);
    }

    [Fact]
    public void A_certificate_naming_one_issuer_but_signed_with_another_issuers_key_fails_the_issuer_question()
    {
        var result = Verify(Sign(_uzKey, Credential(_kz, Now.AddDays(-1))));

        Assert.Equal("passed", result.Integrity.Outcome);
        Assert.Equal("key-issuer-mismatch", result.Issuer.Code);
    }

    [Fact]
    public void An_issuer_certifying_goods_of_another_country_fails_the_issuer_question()
    {
        var result = Verify(Sign(_kzKey, Credential(_kz, Now.AddDays(-1), origin: "CN")));

        Assert.Equal("country-mismatch", result.Issuer.Code);
        Assert.Contains("CN", result.Issuer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_a_revocation_entry_fails_the_status_question()
    {
        var credential = Credential(_kz, Now.AddDays(-1));
        credential.Remove("credentialStatus");

        Assert.Equal("no-status-entry", Verify(Sign(_kzKey, credential)).Status.Code);
    }

    [Fact]
    public void The_bit_at_the_certificates_index_decides_its_status_and_only_that_bit()
    {
        var token = Sign(_kzKey, Credential(_kz, Now.AddDays(-1), index: 12345));
        BitstringStatusList.Set(_trust.StatusBits[(_kz.Id, StatusPurposes.Revocation)], 12344, true);
        BitstringStatusList.Set(_trust.StatusBits[(_kz.Id, StatusPurposes.Revocation)], 12346, true);
        Assert.Equal("active", Verify(token).Status.Code);

        BitstringStatusList.Set(_trust.StatusBits[(_kz.Id, StatusPurposes.Suspension)], 12345, true);
        Assert.Equal("suspended", Verify(token).Status.Code);

        BitstringStatusList.Set(_trust.StatusBits[(_kz.Id, StatusPurposes.Revocation)], 12345, true);
        Assert.Equal("revoked", Verify(token).Status.Code);
    }

    [Fact]
    public void A_certificate_is_not_valid_before_its_validity_begins_nor_from_its_end()
    {
        var token = Sign(_kzKey, Credential(_kz, Now.AddDays(-1)));

        Assert.Equal("not-yet-valid", Verify(token, Now.AddDays(-2)).Validity.Code);
        Assert.Equal("expired", Verify(token, Now.AddDays(364)).Validity.Code);
        Assert.Equal("within-period", Verify(token, Now.AddDays(363)).Validity.Code);
    }

    [Theory]
    [InlineData("""{"alg":"none","kid":"x","typ":"vc+jwt"}""", "unsupported-algorithm")]
    [InlineData("""{"alg":"HS256","kid":"x","typ":"vc+jwt"}""", "unsupported-algorithm")]
    [InlineData("""{"alg":"ES256","kid":"x","typ":"JWT"}""", "not-a-credential")]
    [InlineData("""{"alg":"ES256","kid":"x","typ":"vc+jwt","crit":["exp"]}""", "malformed")]
    [InlineData("""{"alg":"ES256","kid":"x","typ":"vc+jwt","b64":false}""", "malformed")]
    public void Tokens_that_are_not_ES256_credentials_fail_integrity_before_anything_is_read(string header, string code)
    {
        var payload = Credential(_kz, Now.AddDays(-1)).ToJsonString();
        var token = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{Base64Url.EncodeToString(new byte[64])}";

        var result = Verify(token);

        Assert.Equal(code, result.Integrity.Code);
        Assert.Equal(["not-checked", "not-checked", "not-checked"], new[] { result.Issuer.Outcome, result.Status.Outcome, result.Validity.Outcome });
        Assert.Null(result.Certificate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("e30.e30.")]
    [InlineData("!!!.e30.AAAA")]
    [InlineData("W10.e30.AAAA")]
    public void Garbage_is_refused_as_not_a_certificate_without_an_exception(string token)
    {
        var result = Verify(token);

        Assert.Equal("failed", result.Integrity.Outcome);
        Assert.Contains(result.Integrity.Code, new[] { "empty", "malformed" });
    }

    [Fact]
    public void The_status_list_puts_index_zero_in_the_first_bytes_highest_bit_and_survives_its_published_encoding()
    {
        var bits = BitstringStatusList.Empty();
        BitstringStatusList.Set(bits, 0, true);
        BitstringStatusList.Set(bits, 9, true);
        BitstringStatusList.Set(bits, BitstringStatusList.Entries - 1, true);

        Assert.Equal(16384, bits.Length);
        Assert.Equal(0x80, bits[0]);
        Assert.Equal(0x40, bits[1]);
        Assert.Equal(0x01, bits[^1]);
        var encoded = BitstringStatusList.Encode(bits);
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        Assert.True(encoded.Length < 200, "an almost empty list compresses to a few dozen characters");
        Assert.Equal(bits, BitstringStatusList.Decode(encoded));
    }

    [Fact]
    public void A_private_key_is_stored_only_as_ciphertext_that_another_key_ring_cannot_open()
    {
        var key = _vault.Create(_kz.Id, _kz.Did, Now);
        var opened = _vault.Signer(key).ExportPkcs8PrivateKey();

        Assert.DoesNotContain(Convert.ToBase64String(opened)[..40], key.ProtectedPrivateKey, StringComparison.Ordinal);
        var stranger = new KeyVault(new EphemeralDataProtectionProvider());
        var refused = Assert.Throws<KeyUnavailableException>(() => stranger.Signer(key));
        Assert.Equal(key.Kid, refused.Kid);
    }
}
