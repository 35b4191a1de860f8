using System.Text.Json;
using Caravan.Origin.Contracts;
using Caravan.Origin.Data;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Verify;
using Caravan.Origin.Localization;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Origin.Features.Consignments;

/// <summary>
/// Certificates attached to consignments, and their verification for the administrations on the route: each time a
/// control's officer (or national system) looks, the certificate is verified afresh and the result recorded with who
/// looked and when, in the audit log as well. Trade shows the results through <see cref="IControlDocumentChecks"/>.
/// </summary>
internal sealed class ConsignmentCertificates(
    OriginDbContext db,
    IConsignmentDirectory consignments,
    CertificateVerifier verifier,
    IAuditLog audit,
    TimeProvider clock) : IControlDocumentChecks
{
    public async Task<Results<Ok<CertificateView>, ValidationProblem, ProblemHttpResult>> AttachAsync(Guid consignmentId, AttachCertificate request, Caller caller, Status.Certificates certificates, CancellationToken ct)
    {
        if (!await consignments.LodgedByAsync(caller, consignmentId, ct))
        {
            return Problems.NotFound(OriginMessages.ConsignmentUnknown.With().ToString());
        }

        if (request.CertificateId is not { } id)
        {
            return Problems.Invalid("certificateId", OriginMessages.Required.With().ToString());
        }

        var exporters = caller.OrganisationsFor(OriginPermissions.Apply);
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null || !exporters.Contains(certificate.ExporterOrganisation))
        {
            return Problems.Invalid("certificateId", OriginMessages.AttachNotOwn.With().ToString());
        }

        if (certificate.ConsignmentId is { } other && other != consignmentId)
        {
            return Problems.Invalid("certificateId", OriginMessages.AttachOther.With().ToString());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        certificate.ConsignmentId = consignmentId;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("origin.certificate.attached", "certificate", id.ToString(), new { consignmentId }), db, ct);
        await transaction.CommitAsync(ct);
        var issuer = await db.Issuers.AsNoTracking().SingleAsync(i => i.Id == certificate.IssuerId, ct);
        return TypedResults.Ok(certificates.View(certificate, issuer));
    }

    /// <summary>Verifies every certificate attached to the control's consignment now, and records each result.</summary>
    public async Task<List<ControlCertificateView>> VerifyForControlAsync(ControlContext control, Caller caller, CancellationToken ct)
    {
        var attached = await db.Certificates.AsNoTracking().Where(c => c.ConsignmentId == control.ConsignmentId).OrderBy(c => c.IssuedAt).ToListAsync(ct);
        if (attached.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var by = caller.Name ?? caller.Id ?? "unknown";
        var views = new List<ControlCertificateView>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var certificate in attached)
        {
            var result = await verifier.VerifyAsync(certificate.Token, now, ct);
            db.Verifications.Add(new ControlVerification
            {
                Id = Guid.NewGuid(),
                CertificateId = certificate.Id,
                ConsignmentId = control.ConsignmentId,
                ControlId = control.ControlId,
                Country = control.Country,
                At = now,
                By = by,
                Verdict = result.Verdict,
                Result = JsonSerializer.Serialize(result, JsonSerializerOptions.Web),
            });
            views.Add(new ControlCertificateView(certificate.Id, certificate.Number, control.ControlId, control.Country, now, by, result));
        }

        await db.SaveChangesAsync(ct);
        foreach (var view in views)
        {
            await audit.AppendAsync(caller.Did("origin.certificate.verified", "certificate", view.CertificateId.ToString(), new { control.ControlId, control.Country, view.Result.Verdict }), db, ct);
        }

        await transaction.CommitAsync(ct);
        return views;
    }

    /// <summary>The verifications recorded for a control, newest first.</summary>
    public async Task<List<ControlCertificateView>> RecordedAsync(Guid controlId, CancellationToken ct)
    {
        var rows = await db.Verifications.AsNoTracking().Where(v => v.ControlId == controlId).ToListAsync(ct);
        var numbers = await db.Certificates.AsNoTracking().Where(c => rows.Select(r => r.CertificateId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return rows.OrderByDescending(r => r.At)
            .Select(r => new ControlCertificateView(r.CertificateId, numbers.GetValueOrDefault(r.CertificateId, "?"), r.ControlId, r.Country, r.At, r.By, JsonSerializer.Deserialize<VerificationResult>(r.Result, JsonSerializerOptions.Web)!))
            .ToList();
    }

    async Task<IReadOnlyList<DocumentCheck>> IControlDocumentChecks.CheckAsync(ControlContext control, Caller caller, CancellationToken ct)
    {
        var results = await VerifyForControlAsync(control, caller, ct);
        return results.Select(r => new DocumentCheck(
            "certificate-of-origin",
            r.Number,
            r.Result.Verdict,
            [
                new DocumentFinding("integrity", r.Result.Integrity.Outcome, r.Result.Integrity.Message),
                new DocumentFinding("issuer", r.Result.Issuer.Outcome, r.Result.Issuer.Message),
                new DocumentFinding("status", r.Result.Status.Outcome, r.Result.Status.Message),
                new DocumentFinding("validity", r.Result.Validity.Outcome, r.Result.Validity.Message),
            ],
            r.VerifiedAt,
            $"/origin/certificates/{r.CertificateId}")).ToList();
    }
}
