using Caravan.Origin.Contracts;
using Caravan.Origin.Data;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Features.Trust;
using Caravan.Origin.Localization;
using Caravan.Origin.Signing;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Origin.Features.Status;

/// <summary>
/// Issued certificates as their exporter, their issuer and the importing administration see them, and their status:
/// revocation (final) and suspension (lifted by setting it active again). A change flips the certificate's bit in
/// the issuer's status list and re-signs the list in the same transaction, so the published list is never behind.
/// </summary>
internal sealed class Certificates(OriginDbContext db, KeyVault vault, IAuditLog audit, IOutbox outbox, TimeProvider clock, OriginOptions options, TrustSnapshotCache cache)
{
    public IQueryable<Certificate> Visible(Caller caller)
    {
        var query = db.Certificates.AsNoTracking();
        if (caller.HoldsPlatformWide(OriginPermissions.ManageTrust) || caller.HoldsPlatformWide(OriginPermissions.View) || caller.HoldsPlatformWide(OriginPermissions.Issue))
        {
            return query;
        }

        var exporters = caller.OrganisationsFor(OriginPermissions.Apply);
        var issuers = caller.OrganisationsFor(OriginPermissions.Issue);
        var countries = caller.CountriesFor(OriginPermissions.View);
        return query.Where(c => exporters.Contains(c.ExporterOrganisation) || issuers.Contains(c.IssuerId) || countries.Contains(c.ImportingCountry));
    }

    public async Task<List<CertificateView>> ListAsync(Caller caller, string? status, CancellationToken ct)
    {
        var query = Visible(caller);
        var rows = await (status is null ? query : query.Where(c => c.Status == status)).ToListAsync(ct);
        var issuers = await db.Issuers.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        return rows.OrderByDescending(c => c.IssuedAt).Select(c => View(c, issuers[c.IssuerId])).ToList();
    }

    public async Task<(Certificate Row, CertificateView View)?> FindAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var row = await Visible(caller).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var issuer = await db.Issuers.AsNoTracking().SingleAsync(i => i.Id == row.IssuerId, ct);
        return (row, View(row, issuer));
    }

    /// <summary>Only the token of a certificate, by id and without the caller's scope: what its QR code's public page verifies.</summary>
    public async Task<string?> TokenAsync(Guid id, CancellationToken ct) =>
        await db.Certificates.AsNoTracking().Where(c => c.Id == id).Select(c => c.Token).SingleOrDefaultAsync(ct);

    public CertificateView View(Certificate c, IssuingBody issuer) => new(
        c.Id, c.Number, c.ApplicationId, c.IssuerId, issuer.Name, issuer.Country, c.ExporterOrganisation, c.ImportingCountry, c.ConsignmentId, c.Kid,
        c.IssuedAt, c.ValidFrom, c.ValidUntil, c.Status, c.StatusReason, c.StatusSince, options.VerificationUrl(c.Id));

    public async Task<Results<Ok<CertificateView>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(Guid id, StatusChangeRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Status is not (CertificateStatuses.Revoked or CertificateStatuses.Suspended or CertificateStatuses.Active))
        {
            errors["status"] = [OriginMessages.StatusValue.With(request.Status ?? string.Empty).ToString()];
        }

        var reason = request.Reason?.Trim();
        if (request.Status is CertificateStatuses.Revoked or CertificateStatuses.Suspended && string.IsNullOrEmpty(reason))
        {
            errors["reason"] = [OriginMessages.StatusReason.With().ToString()];
        }
        else if (reason is { Length: > 500 })
        {
            errors["reason"] = [OriginMessages.TooLong.With(500).ToString()];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (certificate is null || !await Visible(caller).AnyAsync(c => c.Id == id, ct))
            {
                return Problems.NotFound(OriginMessages.CertificateNotFound.With(id).ToString());
            }

            if (!caller.Has(OriginPermissions.Issue, Scope.Organisation(certificate.IssuerId.ToString())))
            {
                return Problems.Forbidden(OriginMessages.OutOfScope.With(certificate.IssuerId).ToString());
            }

            if (certificate.Status == CertificateStatuses.Revoked)
            {
                return TypedResults.Problem(detail: OriginMessages.StatusFinal.With().ToString(), statusCode: 409, title: "Revoked.", type: "https://caravan.example/problems/certificate-revoked");
            }

            if (certificate.Status == request.Status)
            {
                return TypedResults.Problem(detail: OriginMessages.StatusSame.With(request.Status).ToString(), statusCode: 409, title: "No change.", type: "https://caravan.example/problems/certificate-status");
            }

            var issuer = await db.Issuers.AsNoTracking().SingleAsync(i => i.Id == certificate.IssuerId, ct);
            var key = await db.Keys.AsNoTracking().Where(k => k.IssuerId == issuer.Id && k.RetiredAt == null && k.RevokedFrom == null).OrderByDescending(k => k.ActiveFrom).FirstOrDefaultAsync(ct);
            if (key is null)
            {
                return TypedResults.Problem(detail: OriginMessages.NoActiveKey.With(issuer.Name).ToString(), statusCode: 409, title: "No signing key.", type: "https://caravan.example/problems/no-signing-key");
            }

            var now = clock.GetUtcNow();
            var before = certificate.Status;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Revoking a suspended certificate sets the revocation bit and leaves the suspension bit: both lists tell the truth.
            var (purpose, value) = request.Status switch
            {
                CertificateStatuses.Revoked => (StatusPurposes.Revocation, true),
                CertificateStatuses.Suspended => (StatusPurposes.Suspension, true),
                _ => (StatusPurposes.Suspension, false),
            };
            var list = await db.StatusLists.SingleAsync(s => s.IssuerId == issuer.Id && s.Purpose == purpose, ct);
            var bits = (byte[])list.Bits.Clone();
            BitstringStatusList.Set(bits, certificate.StatusIndex, value);
            list.Bits = bits;
            list.Revision++;
            list.UpdatedAt = now;
            try
            {
                list.Token = CompactJws.Sign(vault.Signer(key), key.Kid, CertificateCredential.JoseType, CertificateCredential.StatusListCredential(issuer, purpose, bits, now, options));
            }
            catch (KeyUnavailableException e)
            {
                return Apply.Applications.KeyUnavailable(e);
            }

            certificate.Status = request.Status!;
            certificate.StatusReason = reason;
            certificate.StatusSince = now;
            db.StatusChanges.Add(new CertificateStatusChange { Id = Guid.NewGuid(), CertificateId = id, At = now, By = caller.Name ?? caller.Id ?? "unknown", From = before, To = certificate.Status, Reason = reason });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // Another certificate of the same issuer changed status at the same moment: read the list again.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                continue;
            }

            await audit.AppendAsync(caller.Did("origin.certificate.status-changed", "certificate", id.ToString(), new { before, after = certificate.Status, reason, purpose, certificate.StatusIndex }), db, ct);
            await outbox.EnqueueAsync(
                new OutboxMessage(
                    OriginEvents.CertificateStatusChanged,
                    id.ToString(),
                    new CertificateStatusChangedEvent(id, certificate.Number, certificate.Status, now),
                    [.. new[] { certificate.ImportingCountry, issuer.Country }.Distinct()],
                    certificate.ExporterOrganisation),
                db,
                ct);
            await transaction.CommitAsync(ct);
            cache.Invalidate();
            return TypedResults.Ok(View(certificate, issuer));
        }
    }

    /// <summary>The signed status list credential as last published, for the stable URL in every certificate.</summary>
    public async Task<string?> StatusListAsync(string slug, string purpose, CancellationToken ct)
    {
        var issuer = await db.Issuers.AsNoTracking().SingleOrDefaultAsync(i => i.Slug == slug, ct);
        return issuer is null ? null : await db.StatusLists.AsNoTracking().Where(s => s.IssuerId == issuer.Id && s.Purpose == purpose).Select(s => s.Token).SingleOrDefaultAsync(ct);
    }
}
