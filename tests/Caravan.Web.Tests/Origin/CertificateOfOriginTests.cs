using Base64Url = System.Buffers.Text.Base64Url;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Platform.Audit;
using Caravan.Testing;
using Jose;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests.Origin;

/// <summary>
/// Certificates of origin end to end through the API: issued as a vc+jwt that a standard JOSE library verifies from
/// the JWKS alone; each verification question failing for its own reason; status changes published at once; key
/// rotation and revocation; the application's review; scope; and the importing administration's recorded check.
/// </summary>
public abstract class CertificateOfOriginTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly OriginScenario _scenario = new(factory);

    private async Task<JwkSet> JwksAsync()
    {
        var anonymous = await factory.ClientAsync(null);
        using var response = await anonymous.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JwkSet.FromJson(await response.Content.ReadAsStringAsync(Ct), JWT.DefaultSettings.JsonMapper);
    }

    /// <summary>What an outside verifier does: pick the key by the header's kid from the JWKS, check ES256, read the payload.</summary>
    private static JsonObject VerifyIndependently(string token, JwkSet jwks)
    {
        var kid = (string)JWT.Headers(token)["kid"];
        var key = jwks.Keys.Single(k => k.KeyId == kid);
        return JsonNode.Parse(JWT.Decode(token, key, JwsAlgorithm.ES256))!.AsObject();
    }

    [Fact]
    public async Task A_certificate_verifies_with_an_independent_JOSE_library_using_only_the_published_JWKS()
    {
        factory.SkipUnlessAvailable();
        var (_, token) = await _scenario.IssueAsync();
        var issuer = await _scenario.IssuerKzAsync();

        var credential = VerifyIndependently(token, await JwksAsync());
        var header = JWT.Headers(token);

        Assert.Equal("ES256", header["alg"]);
        Assert.Equal("vc+jwt", header["typ"]);
        Assert.Equal("https://www.w3.org/ns/credentials/v2", credential["@context"]![0]!.GetValue<string>());
        Assert.Contains("CertificateOfOrigin", credential["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(issuer.GetProperty("did").GetString(), credential["issuer"]!["id"]!.GetValue<string>());
        Assert.StartsWith("did:web:", credential["issuer"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        var subject = credential["credentialSubject"]!;
        Assert.Equal("UZ", subject["consigneeCountry"]!.GetValue<string>());
        Assert.Equal("520523", subject["goodsItems"]![0]!["hsCode"]!.GetValue<string>());
        Assert.Equal("wholly-obtained", subject["goodsItems"]![0]!["originCriterion"]!.GetValue<string>());
        Assert.Equal(["revocation", "suspension"], credential["credentialStatus"]!.AsArray().Select(s => s!["statusPurpose"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.Parse(credential["validUntil"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > TimeProvider.System.GetUtcNow().AddDays(300));

        var verdict = await _scenario.VerifyAsync(token);
        Assert.Equal("valid", verdict.GetProperty("verdict").GetString());
        Assert.All(new[] { "integrity", "issuer", "status", "validity" }, check => Assert.Equal("passed", OriginScenario.Outcome(verdict, check)));
    }

    [Fact]
    public async Task A_certificate_with_any_changed_byte_fails_integrity_and_nothing_else_is_believed()
    {
        factory.SkipUnlessAvailable();
        var (_, token) = await _scenario.IssueAsync();
        var jwks = await JwksAsync();
        var parts = token.Split('.');
        var payload = Base64Url.DecodeFromChars(parts[1]);
        var signature = Base64Url.DecodeFromChars(parts[2]);

        var tampered = new List<string>();
        // Bytes of the content spread over the whole payload (the quantity, names, dates, status indexes …).
        for (var i = 0; i < payload.Length; i += Math.Max(1, payload.Length / 12))
        {
            var changed = (byte[])payload.Clone();
            changed[i] = (byte)(changed[i] == (byte)'7' ? '8' : '7');
            tampered.Add($"{parts[0]}.{Base64Url.EncodeToString(changed)}.{parts[2]}");
        }

        var forged = (byte[])signature.Clone();
        forged[10] ^= 0x01;
        tampered.Add($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(forged)}");
        // A header claiming another key of the same issuer is no better.
        tampered.Add($"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])).Replace("ES256", "ES384", StringComparison.Ordinal)))}.{parts[1]}.{parts[2]}");

        foreach (var token2 in tampered)
        {
            var verdict = await _scenario.VerifyAsync(token2);
            Assert.Equal("invalid", verdict.GetProperty("verdict").GetString());
            Assert.Equal("failed", OriginScenario.Outcome(verdict, "integrity"));
            Assert.Equal("not-checked", OriginScenario.Outcome(verdict, "status"));
            Assert.ThrowsAny<JoseException>(() => VerifyIndependently(token2, jwks));
        }
    }

    [Fact]
    public async Task Revoking_suspending_and_lifting_a_suspension_show_on_the_next_verification_and_in_the_signed_status_list()
    {
        factory.SkipUnlessAvailable();
        var (revokedId, revokedToken) = await _scenario.IssueAsync();
        var (suspendedId, suspendedToken) = await _scenario.IssueAsync();

        using (var noReason = await _scenario.ChangeStatusAsync(revokedId, "revoked", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal("valid", (await _scenario.VerifyAsync(revokedToken)).GetProperty("verdict").GetString());
        using (var revoked = await _scenario.ChangeStatusAsync(revokedId, "revoked", "Goods found to be of Chinese origin on inspection"))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        var afterRevocation = await _scenario.VerifyAsync(revokedToken);
        Assert.Equal("invalid", afterRevocation.GetProperty("verdict").GetString());
        Assert.Equal("revoked", OriginScenario.Code(afterRevocation, "status"));
        Assert.Equal("passed", OriginScenario.Outcome(afterRevocation, "integrity"));
        using (var again = await _scenario.ChangeStatusAsync(revokedId, "active", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using (var suspended = await _scenario.ChangeStatusAsync(suspendedId, "suspended", "Exporter asked to check the invoice"))
        {
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        }

        Assert.Equal("suspended", OriginScenario.Code(await _scenario.VerifyAsync(suspendedToken), "status"));
        using (var lifted = await _scenario.ChangeStatusAsync(suspendedId, "active", "Invoice checked"))
        {
            Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        }

        Assert.Equal("valid", (await _scenario.VerifyAsync(suspendedToken)).GetProperty("verdict").GetString());

        // The published revocation list, signed by the issuer, has the revoked certificate's bit set and not the other's.
        var jwks = await JwksAsync();
        var credential = VerifyIndependently(revokedToken, jwks);
        var entry = credential["credentialStatus"]!.AsArray().Single(s => s!["statusPurpose"]!.GetValue<string>() == "revocation")!;
        var listUrl = new Uri(entry["statusListCredential"]!.GetValue<string>());
        var anonymous = await factory.ClientAsync(null);
        var listToken = await anonymous.GetStringAsync(new Uri(listUrl.PathAndQuery, UriKind.Relative), Ct);
        var list = VerifyIndependently(listToken, jwks);
        Assert.Contains("BitstringStatusListCredential", list["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        var bits = Gunzip(list["credentialSubject"]!["encodedList"]!.GetValue<string>());
        Assert.True(bits.Length >= 16384);
        Assert.True(Bit(bits, int.Parse(entry["statusListIndex"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
        var other = VerifyIndependently(suspendedToken, jwks)["credentialStatus"]!.AsArray().Single(s => s!["statusPurpose"]!.GetValue<string>() == "revocation")!;
        Assert.False(Bit(bits, int.Parse(other["statusListIndex"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_unknown_key_an_expired_certificate_and_an_issuer_off_the_trust_list_each_fail_for_their_own_reason()
    {
        factory.SkipUnlessAvailable();
        var (_, token) = await _scenario.IssueAsync();
        var parts = token.Split('.');

        // The same content signed by a key nobody published, under a kid of the real issuer's DID.
        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        header["kid"] = header["kid"]!.GetValue<string>().Split('#')[0] + "#k-stolen";
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + parts[1];
        var forged = input + "." + Base64Url.EncodeToString(stranger.SignData(Encoding.ASCII.GetBytes(input), System.Security.Cryptography.HashAlgorithmName.SHA256));
        var unknownKey = await _scenario.VerifyAsync(forged);
        Assert.Equal("unknown-key", OriginScenario.Code(unknownKey, "integrity"));
        Assert.Contains("#k-stolen", unknownKey.GetProperty("integrity").GetProperty("message").GetString(), StringComparison.Ordinal);

        var expired = await _scenario.VerifyAsync(token, TimeProvider.System.GetUtcNow().AddYears(2));
        Assert.Equal("invalid", expired.GetProperty("verdict").GetString());
        Assert.Equal("expired", OriginScenario.Code(expired, "validity"));
        Assert.Equal("passed", OriginScenario.Outcome(expired, "integrity"));
        Assert.Equal("passed", OriginScenario.Outcome(expired, "issuer"));

        var issuer = (await _scenario.IssuerKzAsync()).GetProperty("id").GetString();
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        using (var off = await admin.PostAsJsonAsync(new Uri($"/api/v1/origin/issuers/{issuer}/trust", UriKind.Relative), new { trusted = false, reason = "Accreditation withdrawn" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        try
        {
            var untrusted = await _scenario.VerifyAsync(token);
            Assert.Equal("not-trusted", OriginScenario.Code(untrusted, "issuer"));
            Assert.Equal("passed", OriginScenario.Outcome(untrusted, "integrity"));
            Assert.Equal("invalid", untrusted.GetProperty("verdict").GetString());
        }
        finally
        {
            using var on = await admin.PostAsJsonAsync(new Uri($"/api/v1/origin/issuers/{issuer}/trust", UriKind.Relative), new { trusted = true, reason = "Accreditation restored" }, Ct);
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }

        Assert.Equal("valid", (await _scenario.VerifyAsync(token)).GetProperty("verdict").GetString());
        Assert.Equal("malformed", OriginScenario.Code(await _scenario.VerifyAsync("not a token"), "integrity"));
    }

    [Fact]
    public async Task After_rotation_old_certificates_still_verify_and_revoking_a_key_from_a_date_fails_only_what_it_signed_since()
    {
        factory.SkipUnlessAvailable();
        var issuer = (await _scenario.IssuerKzAsync()).GetProperty("id").GetString();
        var issuerClient = await factory.ClientAsync(DemoPerson.IssuerKz);
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var (_, before) = await _scenario.IssueAsync();
        using (var rotated = await issuerClient.PostAsync(new Uri($"/api/v1/origin/issuers/{issuer}/keys", UriKind.Relative), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        var (_, early) = await _scenario.IssueAsync();
        var cut = TimeProvider.System.GetUtcNow();
        await Task.Delay(1100, Ct); // Issue dates are kept to the second.
        var (_, late) = await _scenario.IssueAsync();
        var oldKid = (string)JWT.Headers(before)["kid"];
        var newKid = (string)JWT.Headers(late)["kid"];
        Assert.NotEqual(oldKid, newKid);
        Assert.Equal(newKid, (string)JWT.Headers(early)["kid"]);

        // The retired key is still published and still verifies what it signed, for anyone with the JWKS.
        VerifyIndependently(before, await JwksAsync());
        Assert.Equal("valid", (await _scenario.VerifyAsync(before)).GetProperty("verdict").GetString());

        // The new key is found compromised from a moment between the two certificates it signed.
        using (var revoked = await admin.PostAsJsonAsync(new Uri($"/api/v1/origin/issuers/{issuer}/keys/revocation?kid={Uri.EscapeDataString(newKid)}", UriKind.Relative), new { from = cut, reason = "Key file copied from the signing server" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        Assert.Equal("valid", (await _scenario.VerifyAsync(early)).GetProperty("verdict").GetString());
        var afterRevocation = await _scenario.VerifyAsync(late);
        Assert.Equal("key-revoked", OriginScenario.Code(afterRevocation, "issuer"));
        Assert.Contains("Key file copied", afterRevocation.GetProperty("issuer").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("valid", (await _scenario.VerifyAsync(before)).GetProperty("verdict").GetString());

        // The issuer goes on issuing with the key that replaced the revoked one.
        var (_, next) = await _scenario.IssueAsync();
        Assert.NotEqual(newKid, (string)JWT.Headers(next)["kid"]);
        Assert.Equal("valid", (await _scenario.VerifyAsync(next)).GetProperty("verdict").GetString());
        var trust = await _scenario.IssuerKzAsync();
        Assert.Contains(trust.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == newKid && k.GetProperty("state").GetString() == "revoked");
    }

    [Fact]
    public async Task An_application_goes_through_corrections_to_issuance_with_every_step_kept_and_audited()
    {
        factory.SkipUnlessAvailable();
        var issuer = (await _scenario.IssuerKzAsync()).GetProperty("id").GetString()!;
        var applied = await _scenario.ApplyAsync(OriginScenario.Application(issuer, description: "Cotton yarn"));
        var id = applied.GetProperty("id").GetString()!;
        Assert.Equal("submitted", applied.GetProperty("state").GetString());

        using (var noReason = await _scenario.ReviewAsync(id, new { decision = "request-corrections" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using (var corrections = await _scenario.ReviewAsync(id, new { decision = "request-corrections", reason = "Describe the yarn as on the invoice: combed, 14 tex." }))
        {
            Assert.Equal(HttpStatusCode.OK, corrections.StatusCode);
        }

        using (var tooEarly = await _scenario.ReviewAsync(id, new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        }

        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        using (var resubmitted = await trader.PutAsJsonAsync(new Uri($"/api/v1/origin/applications/{id}", UriKind.Relative), OriginScenario.Application(issuer), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        }

        using var approved = await _scenario.ReviewAsync(id, new { decision = "approve", validUntil = TimeProvider.System.GetUtcNow().AddDays(180) });
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("issued", body.GetProperty("state").GetString());
        Assert.Equal(["submitted", "corrections-requested", "resubmitted", "approved"], body.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.Equal("Describe the yarn as on the invoice: combed, 14 tex.", body.GetProperty("steps")[1].GetProperty("reason").GetString());
        var certificate = body.GetProperty("certificateId").GetString()!;
        var credential = VerifyIndependently(await _scenario.TokenAsync(certificate), await JwksAsync());
        Assert.Equal("Cotton yarn, single, combed, 14 tex", credential["credentialSubject"]!["goodsItems"]![0]!["description"]!.GetValue<string>());

        await using var scope = factory.Services.CreateAsyncScope();
        var audit = (await scope.ServiceProvider.GetRequiredService<IAuditQuery>().ListAsync(new AuditFilter { ActionPrefix = "origin." }, pageSize: 500, cancellationToken: Ct)).Entries;
        Assert.Contains(audit, e => e.Action == "origin.application.submitted" && e.EntityId == id);
        Assert.Contains(audit, e => e.Action == "origin.application.corrections-requested" && e.EntityId == id);
        Assert.Contains(audit, e => e.Action == "origin.application.resubmitted" && e.EntityId == id);
        Assert.Contains(audit, e => e.Action == "origin.application.approved" && e.EntityId == id);
        Assert.Contains(audit, e => e.Action == "origin.certificate.issued" && e.EntityId == certificate);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_ends_the_application()
    {
        factory.SkipUnlessAvailable();
        var id = (await _scenario.ApplyAsync()).GetProperty("id").GetString()!;
        using (var noReason = await _scenario.ReviewAsync(id, new { decision = "reject" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using var rejected = await _scenario.ReviewAsync(id, new { decision = "reject", reason = "The yarn is spun from imported fibre: not wholly obtained." });
        var body = await rejected.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("rejected", body.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("certificateId").ValueKind);
        using var approveLater = await _scenario.ReviewAsync(id, new { decision = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, approveLater.StatusCode);
    }

    [Fact]
    public async Task A_bad_application_is_refused_with_every_field_and_its_reason_and_stores_nothing()
    {
        factory.SkipUnlessAvailable();
        var issuer = (await _scenario.IssuerKzAsync()).GetProperty("id").GetString()!;
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var before = (await trader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/origin/applications", UriKind.Relative), Ct))!.Count;
        var bad = OriginScenario.Application(issuer, items: new[]
        {
            new { hsCode = "520599", description = "", quantity = -1m, unit = "KGM", grossMassKg = 10m, countryOfOrigin = "CN", originCriterion = "made-here", invoiceValue = 1m, currency = "USD" },
        });

        using var response = await trader.PostAsJsonAsync(new Uri("/api/v1/origin/applications", UriKind.Relative), bad, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "items[0].hsCode", "items[0].description", "items[0].quantity", "items[0].countryOfOrigin", "items[0].originCriterion" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        }

        Assert.Contains("wholly-obtained", errors.GetProperty("items[0].originCriterion")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await trader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/origin/applications", UriKind.Relative), Ct))!.Count);
    }

    [Fact]
    public async Task Only_the_exporter_its_issuer_and_the_importing_country_see_a_certificate()
    {
        factory.SkipUnlessAvailable();
        var (id, _) = await _scenario.IssueAsync();
        var url = new Uri($"/api/v1/certificates/{id}", UriKind.Relative);

        foreach (var person in new[] { DemoPerson.TraderKz, DemoPerson.IssuerKz, DemoPerson.Administrator })
        {
            using var seen = await (await factory.ClientAsync(person)).GetAsync(url, Ct);
            Assert.True(seen.StatusCode == HttpStatusCode.OK, person.Email);
        }

        // Uzbekistan imports the goods: its customs system reads the certificate; China's and Kazakhstan's officers do not.
        using (var uz = await (await factory.MachineClientAsync("demo-customs-uz")).GetAsync(url, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, uz.StatusCode);
        }

        foreach (var person in new[] { DemoPerson.TraderCn, DemoPerson.OfficerCn, DemoPerson.OfficerKz })
        {
            using var hidden = await (await factory.ClientAsync(person)).GetAsync(url, Ct);
            Assert.True(hidden.StatusCode == HttpStatusCode.NotFound, person.Email);
        }

        var cnTrader = await factory.ClientAsync(DemoPerson.TraderCn);
        Assert.Empty((await cnTrader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/certificates", UriKind.Relative), Ct))!);
        Assert.Empty((await cnTrader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/origin/applications", UriKind.Relative), Ct))!);
        using var review = await cnTrader.PostAsJsonAsync(new Uri($"/api/v1/certificates/{id}/status", UriKind.Relative), new { status = "revoked", reason = "x" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
    }

    [Fact]
    public async Task The_importing_administration_sees_the_attached_certificate_verified_and_the_result_is_recorded()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        using var lodged = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
        var consignment = await lodged.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var consignmentId = consignment.GetProperty("id").GetString()!;
        var uzControl = consignment.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "UZ").GetProperty("id").GetString();
        var (certificate, _) = await _scenario.IssueAsync();

        var cnTrader = await factory.ClientAsync(DemoPerson.TraderCn);
        using (var notTheirs = await cnTrader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{consignmentId}/certificates", UriKind.Relative), new { certificateId = certificate }, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        using (var attached = await trader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{consignmentId}/certificates", UriKind.Relative), new { certificateId = certificate }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        }

        var uz = await factory.MachineClientAsync("demo-customs-uz");
        using var verified = await uz.PostAsync(new Uri($"/api/v1/controls/{uzControl}/certificate-verifications", UriKind.Relative), null, Ct);
        var results = await verified.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var result = Assert.Single(results.EnumerateArray());
        Assert.Equal(certificate, result.GetProperty("certificateId").GetString());
        Assert.Equal("valid", result.GetProperty("result").GetProperty("verdict").GetString());

        using (var revoked = await _scenario.ChangeStatusAsync(certificate, "revoked", "Issued in error"))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        using var again = await uz.PostAsync(new Uri($"/api/v1/controls/{uzControl}/certificate-verifications", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var recorded = (await uz.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/controls/{uzControl}/certificate-verifications", UriKind.Relative), Ct))!;
        Assert.Equal(["invalid", "valid"], recorded.Select(r => r.GetProperty("result").GetProperty("verdict").GetString()));
        Assert.Equal("revoked", recorded[0].GetProperty("result").GetProperty("status").GetProperty("code").GetString());

        // China's system has no control of its own here that reaches certificates for Uzbekistan's import.
        var cn = await factory.MachineClientAsync("demo-customs-cn");
        using var foreign = await cn.GetAsync(new Uri($"/api/v1/controls/{uzControl}/certificate-verifications", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_importing_countrys_system_hears_of_the_issue_and_the_revocation_in_its_feed_and_a_country_off_the_route_does_not()
    {
        factory.SkipUnlessAvailable();
        var (certificate, token) = await _scenario.IssueAsync();
        using (var revoked = await _scenario.ChangeStatusAsync(certificate, "revoked", "Issued to the wrong importer"))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        var uz = await factory.MachineClientAsync("demo-customs-uz");
        List<JsonElement> about = [];
        for (var i = 0; i < 200 && about.Count < 2; i++)
        {
            var page = await uz.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/feed?after=0&limit=1000", UriKind.Relative), Ct);
            about = page.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("subjectId").GetString() == certificate).ToList();
            await Task.Delay(100, Ct);
        }

        Assert.Equal(["certificate.issued", "certificate.status-changed"], about.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(token, about[0].GetProperty("payload").GetProperty("token").GetString());
        Assert.Equal("revoked", about[1].GetProperty("payload").GetProperty("status").GetString());
        Assert.DoesNotContain("reason", about[1].GetProperty("payload").ToString(), StringComparison.OrdinalIgnoreCase);

        // Tajikistan neither issues nor imports these goods.
        var tj = await factory.MachineClientAsync("demo-customs-tj");
        var theirs = await tj.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/feed?after=0&limit=1000", UriKind.Relative), Ct);
        Assert.DoesNotContain(theirs.GetProperty("events").EnumerateArray(), e => e.GetProperty("subjectId").GetString() == certificate);
    }

    private static byte[] Gunzip(string encodedList)
    {
        Assert.StartsWith("u", encodedList, StringComparison.Ordinal);
        using var input = new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1)));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static bool Bit(byte[] bits, int index) => (bits[index / 8] & (0x80 >> (index % 8))) != 0;
}

public sealed class CertificateOfOriginOnSqlite(SqliteDemoWebFactory factory) : CertificateOfOriginTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class CertificateOfOriginOnPostgres(PostgresDemoWebFactory factory) : CertificateOfOriginTests(factory), IClassFixture<PostgresDemoWebFactory>;
