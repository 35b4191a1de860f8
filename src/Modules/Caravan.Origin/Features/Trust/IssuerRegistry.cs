using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Caravan.Access.Contracts;
using Caravan.Origin.Contracts;
using Caravan.Origin.Data;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Localization;
using Caravan.Origin.Signing;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Origin.Features.Trust;

/// <summary>
/// The trust list: issuing bodies with their keys. Registering one makes its first key and its two empty status
/// lists; rotation makes a new key and retires the old one (it still verifies what it signed); revocation of a key
/// from a moment invalidates every signature it made from then on.
/// </summary>
internal sealed partial class IssuerRegistry(
    OriginDbContext db,
    KeyVault vault,
    IOrganisationDirectory organisations,
    IAuditLog audit,
    TimeProvider clock,
    OriginOptions options,
    TrustSnapshotCache cache)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$")]
    private static partial Regex SlugPattern();

    public static SigningKeyView View(SigningKey k, DateTimeOffset now) => new(
        k.Kid,
        CompactJws.Algorithm,
        k.RevokedFrom is not null ? "revoked" : k.RetiredAt is not null ? "retired" : "active",
        k.ActiveFrom,
        k.RetiredAt,
        k.RevokedFrom,
        k.RevocationReason);

    public async Task<List<TrustedIssuerView>> TrustListAsync(CancellationToken ct)
    {
        var issuers = await db.Issuers.AsNoTracking().OrderBy(i => i.Country).ThenBy(i => i.Name).ToListAsync(ct);
        var keys = (await db.Keys.AsNoTracking().ToListAsync(ct)).ToLookup(k => k.IssuerId);
        var now = clock.GetUtcNow();
        return issuers.Select(i => new TrustedIssuerView(
            i.Id, i.Slug, i.Did, i.Name, i.Country, i.Trusted, i.TrustedFrom, i.TrustedUntil,
            keys[i.Id].OrderBy(k => k.ActiveFrom).Select(k => View(k, now)).ToList())).ToList();
    }

    /// <summary>Every published key, active, retired or revoked (RFC 7517 JWK Set): verifiers need old keys too.</summary>
    public async Task<JsonObject> JwksAsync(CancellationToken ct)
    {
        var keys = await db.Keys.AsNoTracking().OrderBy(k => k.ActiveFrom).ToListAsync(ct);
        return new JsonObject { ["keys"] = new JsonArray([.. keys.Select(Jwk)]) };
    }

    public static JsonObject Jwk(SigningKey k) => new()
    {
        ["kty"] = "EC",
        ["crv"] = "P-256",
        ["x"] = k.X,
        ["y"] = k.Y,
        ["kid"] = k.Kid,
        ["alg"] = CompactJws.Algorithm,
        ["use"] = "sig",
    };

    /// <summary>The did:web document of one issuing body (W3C DID Core), its keys as JsonWebKey verification methods.</summary>
    public async Task<JsonObject?> DidDocumentAsync(string slug, CancellationToken ct)
    {
        var issuer = await db.Issuers.AsNoTracking().SingleOrDefaultAsync(i => i.Slug == slug, ct);
        if (issuer is null)
        {
            return null;
        }

        var keys = await db.Keys.AsNoTracking().Where(k => k.IssuerId == issuer.Id).OrderBy(k => k.ActiveFrom).ToListAsync(ct);
        var methods = new JsonArray();
        var assertion = new JsonArray();
        foreach (var key in keys)
        {
            var jwk = Jwk(key);
            jwk.Remove("kid");
            methods.Add(new JsonObject { ["id"] = key.Kid, ["type"] = "JsonWebKey", ["controller"] = issuer.Did, ["publicKeyJwk"] = jwk });
            if (key.RevokedFrom is null)
            {
                assertion.Add(key.Kid);
            }
        }

        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"),
            ["id"] = issuer.Did,
            ["alsoKnownAs"] = new JsonArray($"{options.PublicBaseUrl}/api/v1/origin/trust-list#{issuer.Slug}"),
            ["verificationMethod"] = methods,
            ["assertionMethod"] = assertion,
        };
    }

    public async Task<Results<Created<TrustedIssuerView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(NewIssuingBody request, Caller caller, CancellationToken ct)
    {
        if (!caller.HoldsPlatformWide(OriginPermissions.ManageTrust))
        {
            return Problems.Forbidden(OriginMessages.OutOfScope.With(request.Organisation).ToString());
        }

        var errors = new Dictionary<string, string[]>();
        OrganisationInfo? organisation = null;
        if (request.Organisation is not { } id || id == Guid.Empty)
        {
            errors["organisation"] = [OriginMessages.Required.With().ToString()];
        }
        else if (await organisations.FindAsync(caller, id, ct) is not { Visibility: Visibility.Found, Organisation: { Kind: OrganisationKind.IssuingBody, Country: not null } found })
        {
            errors["organisation"] = [OriginMessages.NotIssuingBody.With().ToString()];
        }
        else
        {
            organisation = found;
        }

        var slug = request.Slug?.Trim();
        if (slug is null || !SlugPattern().IsMatch(slug))
        {
            errors["slug"] = [OriginMessages.Slug.With().ToString()];
        }
        else if (await db.Issuers.AnyAsync(i => i.Slug == slug, ct))
        {
            errors["slug"] = [OriginMessages.SlugTaken.With(slug).ToString()];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await db.Issuers.AnyAsync(i => i.Id == organisation!.Id, ct))
        {
            return TypedResults.Problem(detail: OriginMessages.AlreadyRegistered.With().ToString(), statusCode: 409, title: "Already registered.", type: "https://caravan.example/problems/issuer-registered");
        }

        var issuer = await AddAsync(organisation!, slug!, caller, ct);
        return TypedResults.Created($"/api/v1/origin/issuers/{issuer.Id}", (await TrustListAsync(ct)).Single(i => i.Id == issuer.Id));
    }

    /// <summary>Registers an issuing body with its first key and empty status lists, in one transaction.</summary>
    internal async Task<IssuingBody> AddAsync(OrganisationInfo organisation, string slug, Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var issuer = new IssuingBody
        {
            Id = organisation.Id,
            Slug = slug,
            Did = options.DidFor(slug),
            Name = organisation.Name,
            Country = organisation.Country!,
            Trusted = true,
            TrustedFrom = now,
            RegisteredAt = now,
        };
        var key = vault.Create(issuer.Id, issuer.Did, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Issuers.Add(issuer);
        db.Keys.Add(key);
        foreach (var purpose in StatusPurposes.All)
        {
            var bits = BitstringStatusList.Empty();
            db.StatusLists.Add(new StatusList
            {
                IssuerId = issuer.Id,
                Purpose = purpose,
                Bits = bits,
                Revision = 1,
                UpdatedAt = now,
                Token = CompactJws.Sign(vault.Signer(key), key.Kid, CertificateCredential.JoseType, CertificateCredential.StatusListCredential(issuer, purpose, bits, now, options)),
            });
        }

        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("origin.issuer.registered", "issuing-body", issuer.Id.ToString(), new { issuer.Slug, issuer.Did, issuer.Country, key = key.Kid }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return issuer;
    }

    public async Task<Results<Ok<TrustedIssuerView>, ValidationProblem, ProblemHttpResult>> ChangeTrustAsync(Guid id, TrustChange request, Caller caller, CancellationToken ct)
    {
        if (!caller.HoldsPlatformWide(OriginPermissions.ManageTrust))
        {
            return Problems.Forbidden(OriginMessages.OutOfScope.With(id).ToString());
        }

        if (request.Trusted is not { } trusted)
        {
            return Problems.Invalid("trusted", OriginMessages.Trusted.With().ToString());
        }

        var issuer = await db.Issuers.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issuer is null)
        {
            return Problems.NotFound(OriginMessages.IssuerNotFound.With(id).ToString());
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Off the list, none of its certificates passes the issuer check, whenever issued (a body delisted for cause
        // vouches for nothing); back on it, they pass again. A compromised key is revoked from a date instead.
        issuer.Trusted = trusted;
        issuer.TrustedUntil = trusted ? null : now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("origin.issuer.trust-changed", "issuing-body", issuer.Id.ToString(), new { trusted, request.Reason }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok((await TrustListAsync(ct)).Single(i => i.Id == id));
    }

    /// <summary>A new active key; the previous one retires (it verifies what it signed, it signs nothing more).</summary>
    public async Task<Results<Ok<TrustedIssuerView>, ValidationProblem, ProblemHttpResult>> RotateAsync(Guid id, Caller caller, CancellationToken ct)
    {
        if (!MayManageKeys(caller, id))
        {
            return Problems.Forbidden(OriginMessages.OutOfScope.With(id).ToString());
        }

        var issuer = await db.Issuers.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issuer is null)
        {
            return Problems.NotFound(OriginMessages.IssuerNotFound.With(id).ToString());
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var retired = await db.Keys.Where(k => k.IssuerId == id && k.RetiredAt == null && k.RevokedFrom == null).ToListAsync(ct);
        foreach (var old in retired)
        {
            old.RetiredAt = now;
        }

        var key = vault.Create(id, issuer.Did, now);
        db.Keys.Add(key);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("origin.key.rotated", "issuing-body", id.ToString(), new { key = key.Kid, retired = retired.Select(k => k.Kid).ToList() }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok((await TrustListAsync(ct)).Single(i => i.Id == id));
    }

    /// <summary>
    /// Signatures by the key from <see cref="KeyRevocation.From"/> on fail verification. A revoked active key is
    /// replaced at once, so the issuer can go on issuing.
    /// </summary>
    public async Task<Results<Ok<TrustedIssuerView>, ValidationProblem, ProblemHttpResult>> RevokeKeyAsync(Guid id, string kid, KeyRevocation request, Caller caller, CancellationToken ct)
    {
        if (!MayManageKeys(caller, id))
        {
            return Problems.Forbidden(OriginMessages.OutOfScope.With(id).ToString());
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.From is not { } from || from > now)
        {
            errors["from"] = [OriginMessages.KeyRevocationFrom.With().ToString()];
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = [OriginMessages.Required.With().ToString()];
        }
        else if (request.Reason.Length > 500)
        {
            errors["reason"] = [OriginMessages.TooLong.With(500).ToString()];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var issuer = await db.Issuers.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issuer is null)
        {
            return Problems.NotFound(OriginMessages.IssuerNotFound.With(id).ToString());
        }

        var key = await db.Keys.SingleOrDefaultAsync(k => k.IssuerId == id && k.Kid == kid, ct);
        if (key is null)
        {
            return Problems.NotFound(OriginMessages.KeyNotFound.With(kid).ToString());
        }

        if (key.RevokedFrom is { } already)
        {
            return TypedResults.Problem(detail: OriginMessages.KeyRevokedAlready.With(already).ToString(), statusCode: 409, title: "Already revoked.", type: "https://caravan.example/problems/key-revoked");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var wasActive = key.RetiredAt is null;
        key.RevokedFrom = request.From;
        key.RevocationReason = request.Reason!.Trim();
        key.RetiredAt ??= now;
        SigningKey? replacement = null;
        if (wasActive)
        {
            replacement = vault.Create(id, issuer.Did, now);
            db.Keys.Add(replacement);
        }

        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("origin.key.revoked", "issuing-body", id.ToString(), new { key = kid, request.From, key.RevocationReason, replacement = replacement?.Kid }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok((await TrustListAsync(ct)).Single(i => i.Id == id));
    }

    /// <summary>An administrator for any issuing body; an issuer for its own.</summary>
    internal static bool MayManageKeys(Caller caller, Guid issuer) =>
        caller.HoldsPlatformWide(OriginPermissions.ManageTrust) || caller.Has(OriginPermissions.Issue, Scope.Organisation(issuer.ToString()));
}
