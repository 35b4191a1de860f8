using System.Globalization;
using System.Text.Json.Nodes;
using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Features.Trust;
using Caravan.Origin.Localization;
using Caravan.Origin.Signing;
using Caravan.Platform.Localization;

namespace Caravan.Origin.Features.Verify;

/// <summary>
/// Answers the four questions about a certificate token separately, as TradeTrust does, and then overall:
/// <list type="number">
/// <item>integrity: a compact JWS, ES256, vc+jwt, signed by a key an issuing body published, signature matches;</item>
/// <item>issuer: the issuer named in it is on the trust list, for the country the goods originate in, and the key
/// was the issuer's and valid when the certificate was signed (created before, not revoked from before);</item>
/// <item>status: neither bit set in the issuer's revocation and suspension lists;</item>
/// <item>validity: the moment of verification lies in [validFrom, validUntil).</item>
/// </list>
/// Nothing is believed before the signature is: when integrity fails the other three are not checked.
/// </summary>
internal sealed class CertificateVerifier(TrustSnapshotCache cache, KeyVault vault, TimeProvider clock)
{
    public async Task<VerificationResult> VerifyAsync(string? token, DateTimeOffset? at, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct);
        return Verify(token, at ?? clock.GetUtcNow(), snapshot, clock.GetUtcNow());
    }

    public VerificationResult Verify(string? token, DateTimeOffset at, TrustSnapshot trust, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return Unintact(now, Failed("empty", OriginMessages.IntegrityEmpty.With()));
        }

        if (!CompactJws.TryParse(token, out var jws, out _) || jws.HasCritical)
        {
            return Unintact(now, Failed("malformed", OriginMessages.IntegrityMalformed.With()));
        }

        if (jws.Algorithm != CompactJws.Algorithm)
        {
            return Unintact(now, Failed("unsupported-algorithm", OriginMessages.IntegrityAlgorithm.With(Short(jws.Algorithm ?? "none"))));
        }

        if (jws.Type != CertificateCredential.JoseType)
        {
            return Unintact(now, Failed("not-a-credential", OriginMessages.IntegrityType.With(Short(jws.Type ?? string.Empty))));
        }

        if (jws.KeyId is not { } kid || !trust.KeysByKid.TryGetValue(kid, out var key))
        {
            return Unintact(now, Failed("unknown-key", OriginMessages.IntegrityUnknownKey.With(Short(jws.KeyId ?? "no kid"))));
        }

        if (!CompactJws.Verify(vault.Verifier(key.Kid, key.X, key.Y), jws))
        {
            return Unintact(now, Failed("signature-invalid", OriginMessages.IntegritySignature.With()));
        }

        var integrity = Passed("signature-valid", OriginMessages.IntegrityPassed.With(key.Kid));
        var payload = jws.Payload;
        var issuerDid = payload["issuer"] is JsonObject issuerObject ? CertificateCredential.Text(issuerObject["id"]) : CertificateCredential.Text(payload["issuer"]);
        var validFrom = CertificateCredential.ParseTimestamp(payload["validFrom"]);
        var validUntil = CertificateCredential.ParseTimestamp(payload["validUntil"]);
        trust.IssuersByDid.TryGetValue(issuerDid ?? string.Empty, out var issuer);
        var origins = (payload["credentialSubject"]?["goodsItems"] as JsonArray ?? [])
            .Select(i => CertificateCredential.Text(i?["countryOfOrigin"]))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var issuerCheck = CheckIssuer(issuer, issuerDid, key, validFrom, origins, now);
        var status = issuer is null
            ? NotChecked("unknown-issuer", OriginMessages.IssuerUnknown.With(Short(issuerDid ?? "?")))
            : CheckStatus(payload, issuer, trust);
        var validity = validFrom is null || validUntil is null
            ? Failed("missing-dates", OriginMessages.ValidityMissing.With())
            : at < validFrom ? Failed("not-yet-valid", OriginMessages.ValidityNotYet.With(Time(validFrom.Value)))
            : at >= validUntil ? Failed("expired", OriginMessages.ValidityExpired.With(Time(validUntil.Value)))
            : Passed("within-period", OriginMessages.ValidityPassed.With(Time(validFrom.Value), Time(validUntil.Value)));

        var verdict = integrity.Passed && issuerCheck.Passed && status.Passed && validity.Passed ? "valid" : "invalid";
        return new VerificationResult(verdict, now, integrity, issuerCheck, status, validity, Summary(payload, issuer));
    }

    private static VerificationCheck CheckIssuer(IssuingBody? issuer, string? did, SigningKey key, DateTimeOffset? signedAt, IReadOnlyList<string> origins, DateTimeOffset now)
    {
        if (issuer is null)
        {
            return Failed("unknown-issuer", OriginMessages.IssuerUnknown.With(Short(did ?? "?")));
        }

        if (key.IssuerId != issuer.Id)
        {
            return Failed("key-issuer-mismatch", OriginMessages.IssuerKeyMismatch.With(key.Kid));
        }

        if (signedAt is not { } signed)
        {
            return Failed("no-issue-date", OriginMessages.IssuerNoDate.With());
        }

        if (!issuer.Trusted || issuer.TrustedUntil is { } until && until <= now || signed < issuer.TrustedFrom.AddMinutes(-5))
        {
            return Failed("not-trusted", OriginMessages.IssuerNotTrusted.With(issuer.Name, Time(signed)));
        }

        if (origins.FirstOrDefault(o => o != issuer.Country) is { } other)
        {
            return Failed("country-mismatch", OriginMessages.IssuerCountry.With(issuer.Name, issuer.Country, other));
        }

        // The issue date is the issuer's own claim, so a key is judged by it: an attacker with a key revoked from T
        // cannot sign "before T" without the clock skew showing (a signature dated before the key existed fails too).
        if (signed < key.ActiveFrom.AddMinutes(-5))
        {
            return Failed("key-not-active", OriginMessages.IssuerKeyNotActive.With(Time(signed), key.Kid, Time(key.ActiveFrom)));
        }

        if (key.RevokedFrom is { } revoked && signed >= revoked)
        {
            return Failed("key-revoked", OriginMessages.IssuerKeyRevoked.With(Time(signed), key.Kid, Time(revoked), key.RevocationReason ?? string.Empty));
        }

        return Passed("trusted", OriginMessages.IssuerPassed.With(issuer.Name, issuer.Country));
    }

    private static VerificationCheck CheckStatus(JsonObject payload, IssuingBody issuer, TrustSnapshot trust)
    {
        var entries = payload["credentialStatus"] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => [],
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var revoked = false;
        var suspended = false;
        foreach (var entry in entries)
        {
            var purpose = CertificateCredential.Text(entry["statusPurpose"]);
            var list = CertificateCredential.Text(entry["statusListCredential"]);
            if (CertificateCredential.Text(entry["type"]) != "BitstringStatusListEntry"
                || purpose is null || !StatusPurposes.All.Contains(purpose)
                || list is null || !list.EndsWith($"/status-lists/{issuer.Slug}/{purpose}", StringComparison.Ordinal)
                || !int.TryParse(CertificateCredential.Text(entry["statusListIndex"]), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            seen.Add(purpose);
            revoked |= purpose == StatusPurposes.Revocation && trust.IsSet(issuer.Id, purpose, index);
            suspended |= purpose == StatusPurposes.Suspension && trust.IsSet(issuer.Id, purpose, index);
        }

        return !seen.Contains(StatusPurposes.Revocation) ? Failed("no-status-entry", OriginMessages.StatusMissing.With())
            : revoked ? Failed("revoked", OriginMessages.StatusRevoked.With())
            : suspended ? Failed("suspended", OriginMessages.StatusSuspended.With())
            : Passed("active", OriginMessages.StatusPassed.With());
    }

    private static VerifiedCertificate Summary(JsonObject payload, IssuingBody? issuer)
    {
        var subject = payload["credentialSubject"] as JsonObject;
        var items = (subject?["goodsItems"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(i => new VerifiedItem(
                CertificateCredential.Text(i["hsCode"]),
                CertificateCredential.Text(i["description"]),
                CertificateCredential.Text(i["originCriterion"]),
                CertificateCredential.Text(i["countryOfOrigin"])))
            .ToList();
        var id = CertificateCredential.Text(payload["id"]);
        return new VerifiedCertificate(
            id,
            CertificateCredential.Text(subject?["certificateNumber"]),
            payload["issuer"] is JsonObject o ? CertificateCredential.Text(o["id"]) : CertificateCredential.Text(payload["issuer"]),
            issuer?.Name ?? (payload["issuer"] is JsonObject named ? CertificateCredential.Text(named["name"]) : null),
            issuer?.Country,
            CertificateCredential.Text(subject?["exporter"]?["name"]),
            CertificateCredential.Text(subject?["importer"]?["name"]),
            CertificateCredential.Text(subject?["consigneeCountry"]),
            CertificateCredential.ParseTimestamp(payload["validFrom"]),
            CertificateCredential.ParseTimestamp(payload["validUntil"]),
            items);
    }

    private static VerificationResult Unintact(DateTimeOffset now, VerificationCheck integrity)
    {
        var skipped = NotChecked("not-intact", OriginMessages.NotCheckedUnintact.With());
        return new VerificationResult("invalid", now, integrity, skipped, skipped, skipped, null);
    }

    private static VerificationCheck Passed(string code, Message message) => new(VerificationOutcomes.Passed, code, message.ToString());

    private static VerificationCheck Failed(string code, Message message) => new(VerificationOutcomes.Failed, code, message.ToString());

    private static VerificationCheck NotChecked(string code, Message message) => new(VerificationOutcomes.NotChecked, code, message.ToString());

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Short(string value) => value.Length <= 120 ? value : value[..120] + "…";
}
