using System.Text.Json;
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
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Origin.Features.Apply;

/// <summary>
/// An exporter's application for a certificate of origin and its review by the issuing body: submitted, corrections
/// requested and resubmitted (as often as needed), then issued or rejected. Every step is kept with who took it and
/// why, and written to the audit log in the same transaction. Pages and API go through here alike.
/// </summary>
internal sealed class Applications(
    OriginDbContext db,
    ApplicationCheck check,
    IConsignmentDirectory consignments,
    Issuance issuance,
    IAuditLog audit,
    IOutbox outbox,
    TimeProvider clock,
    TrustSnapshotCache cache)
{
    public const int MaxValidityDays = 730;

    public static readonly IReadOnlyList<string> Decisions = ["approve", "reject", "request-corrections"];

    public IQueryable<CertificateApplication> Visible(Caller caller)
    {
        var query = db.Applications.AsNoTracking();
        if (caller.HoldsPlatformWide(OriginPermissions.ManageTrust) || caller.HoldsPlatformWide(OriginPermissions.Issue))
        {
            return query;
        }

        var exporters = caller.OrganisationsFor(OriginPermissions.Apply);
        var issuers = caller.OrganisationsFor(OriginPermissions.Issue);
        return query.Where(a => exporters.Contains(a.ExporterOrganisation) || issuers.Contains(a.IssuerId));
    }

    public async Task<List<ApplicationView>> ListAsync(Caller caller, string? state, CancellationToken ct)
    {
        var query = Visible(caller).Include(a => a.Steps);
        var rows = await (state is null ? query : query.Where(a => a.State == state)).ToListAsync(ct);
        var names = await IssuerNamesAsync(ct);
        return rows.OrderByDescending(a => a.UpdatedAt).Select(a => View(a, names)).ToList();
    }

    public async Task<ApplicationView?> FindAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var row = await Visible(caller).Include(a => a.Steps).SingleOrDefaultAsync(a => a.Id == id, ct);
        return row is null ? null : View(row, await IssuerNamesAsync(ct));
    }

    public async Task<Results<Created<ApplicationView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(CertificateApplicationRequest request, Caller caller, CancellationToken ct)
    {
        var exporter = ExporterOf(caller);
        if (exporter is null)
        {
            return Problems.Forbidden("Only a trader applies for certificates of origin, for its own organisation.");
        }

        var (issuer, consignment, errors) = await CheckAsync(request, caller, ct);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var application = new CertificateApplication
        {
            Id = Guid.NewGuid(),
            IssuerId = issuer!.Id,
            ExporterOrganisation = exporter.Value,
            ConsignmentId = consignment?.Id,
            ConsignmentReference = consignment?.Reference,
            State = ApplicationStates.Submitted,
            Content = JsonSerializer.Serialize(Normalise(request), JsonSerializerOptions.Web),
            Version = 1,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        application.Number = "APP-" + Issuance.Number(issuer.Country, now, application.Id);
        application.Steps.Add(Step(application.Id, now, caller, "submitted", null));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("origin.application.submitted", "certificate-application", application.Id.ToString(), new { application.Number, issuer = issuer.Id, application.ConsignmentId }), db, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/origin/applications/{application.Id}", View(application, await IssuerNamesAsync(ct)));
    }

    /// <summary>The exporter's corrected application, answering the issuer's request for corrections.</summary>
    public async Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> ResubmitAsync(Guid id, CertificateApplicationRequest request, Caller caller, CancellationToken ct)
    {
        var application = await db.Applications.Include(a => a.Steps).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !caller.OrganisationsFor(OriginPermissions.Apply).Contains(application.ExporterOrganisation))
        {
            return Problems.NotFound(OriginMessages.ApplicationNotFound.With(id).ToString());
        }

        if (application.State != ApplicationStates.CorrectionsRequested)
        {
            return StateConflict(application.State, ApplicationStates.CorrectionsRequested);
        }

        var (issuer, consignment, errors) = await CheckAsync(request with { IssuingBody = application.IssuerId }, caller, ct);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        application.Content = JsonSerializer.Serialize(Normalise(request with { IssuingBody = issuer!.Id }), JsonSerializerOptions.Web);
        application.ConsignmentId = consignment?.Id;
        application.ConsignmentReference = consignment?.Reference;
        application.State = ApplicationStates.Submitted;
        application.Version++;
        application.UpdatedAt = now;
        var step = Step(application.Id, now, caller, "resubmitted", null);
        db.Steps.Add(step);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("origin.application.resubmitted", "certificate-application", application.Id.ToString(), new { application.Version }), db, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(View(application, await IssuerNamesAsync(ct)));
    }

    /// <summary>
    /// The issuing body's decision. Approval issues the certificate in the same transaction; two reviewers deciding at
    /// once get one decision and one 409.
    /// </summary>
    public async Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> ReviewAsync(Guid id, ReviewRequest request, Caller caller, CancellationToken ct)
    {
        var application = await db.Applications.Include(a => a.Steps).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !await Visible(caller).AnyAsync(a => a.Id == id, ct))
        {
            return Problems.NotFound(OriginMessages.ApplicationNotFound.With(id).ToString());
        }

        if (!caller.Has(OriginPermissions.Issue, Scope.Organisation(application.IssuerId.ToString())))
        {
            return Problems.Forbidden(OriginMessages.OutOfScope.With(application.IssuerId).ToString());
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.Decision is null || !Decisions.Contains(request.Decision))
        {
            errors["decision"] = [OriginMessages.Decision.With(request.Decision ?? string.Empty).ToString()];
        }

        var reason = request.Reason?.Trim();
        if (request.Decision is "reject" or "request-corrections" && string.IsNullOrEmpty(reason))
        {
            errors["reason"] = [OriginMessages.ReasonRequired.With().ToString()];
        }
        else if (reason is { Length: > 1000 })
        {
            errors["reason"] = [OriginMessages.TooLong.With(1000).ToString()];
        }

        var validUntil = request.ValidUntil ?? now.AddDays(365);
        if (request.Decision == "approve" && (validUntil <= now || validUntil > now.AddDays(MaxValidityDays)))
        {
            errors["validUntil"] = [OriginMessages.ValidUntil.With(MaxValidityDays).ToString()];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (application.State != ApplicationStates.Submitted)
        {
            return StateConflict(application.State, ApplicationStates.Submitted);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Certificate? certificate = null;
        switch (request.Decision)
        {
            case "approve":
                var issuer = await db.Issuers.SingleAsync(i => i.Id == application.IssuerId, ct);
                var key = await db.Keys.AsNoTracking().Where(k => k.IssuerId == issuer.Id && k.RetiredAt == null && k.RevokedFrom == null).OrderByDescending(k => k.ActiveFrom).FirstOrDefaultAsync(ct);
                if (key is null)
                {
                    return TypedResults.Problem(detail: OriginMessages.NoActiveKey.With(issuer.Name).ToString(), statusCode: 409, title: "No signing key.", type: "https://caravan.example/problems/no-signing-key");
                }

                try
                {
                    certificate = issuance.Issue(application, issuer, key, now, validUntil);
                }
                catch (KeyUnavailableException e)
                {
                    return KeyUnavailable(e);
                }

                application.State = ApplicationStates.Issued;
                application.CertificateId = certificate.Id;
                break;
            case "reject":
                application.State = ApplicationStates.Rejected;
                break;
            default:
                application.State = ApplicationStates.CorrectionsRequested;
                break;
        }

        application.Version++;
        application.UpdatedAt = now;
        db.Steps.Add(Step(application.Id, now, caller, request.Decision == "approve" ? "approved" : request.Decision == "reject" ? "rejected" : "corrections-requested", reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(detail: "Another review of this issuing body was saved at the same moment; send the decision again.", statusCode: 409, title: "Decided meanwhile.", type: "https://caravan.example/problems/concurrent-review");
        }

        await audit.AppendAsync(caller.Did("origin.application." + (request.Decision == "approve" ? "approved" : request.Decision == "reject" ? "rejected" : "corrections-requested"), "certificate-application", application.Id.ToString(), new { reason, certificate = certificate?.Id, certificate?.Number, certificate?.Kid }), db, ct);
        if (certificate is not null)
        {
            await audit.AppendAsync(caller.Did("origin.certificate.issued", "certificate", certificate.Id.ToString(), new { certificate.Number, certificate.Kid, certificate.ValidUntil, certificate.StatusIndex }), db, ct);
            var issuingCountry = await db.Issuers.Where(i => i.Id == certificate.IssuerId).Select(i => i.Country).SingleAsync(ct);
            await outbox.EnqueueAsync(
                new OutboxMessage(
                    OriginEvents.CertificateIssued,
                    certificate.Id.ToString(),
                    new CertificateIssuedEvent(certificate.Id, certificate.Number, issuingCountry, certificate.ImportingCountry, certificate.ConsignmentId, certificate.ValidFrom, certificate.ValidUntil, certificate.Token),
                    [.. new[] { certificate.ImportingCountry, issuingCountry }.Distinct()],
                    certificate.ExporterOrganisation),
                db,
                ct);
        }

        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(View(application, await IssuerNamesAsync(ct)));
    }

    private async Task<(IssuingBody? Issuer, ConsignmentView? Consignment, Dictionary<string, string[]> Errors)> CheckAsync(CertificateApplicationRequest request, Caller caller, CancellationToken ct)
    {
        IssuingBody? issuer = null;
        ConsignmentView? consignment = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.IssuingBody is not { } issuerId)
        {
            errors["issuingBody"] = [OriginMessages.Required.With().ToString()];
        }
        else if ((issuer = await db.Issuers.AsNoTracking().SingleOrDefaultAsync(i => i.Id == issuerId, ct)) is null)
        {
            errors["issuingBody"] = [OriginMessages.IssuingBodyUnknown.With().ToString()];
        }

        if (request.ConsignmentId is { } consignmentId)
        {
            consignment = await consignments.LodgedByAsync(caller, consignmentId, ct) ? await consignments.FindAsync(caller, consignmentId, ct) : null;
            if (consignment is null)
            {
                errors["consignmentId"] = [OriginMessages.ConsignmentUnknown.With().ToString()];
            }
        }

        if (issuer is not null)
        {
            foreach (var (field, messages) in await check.CheckAsync(request, issuer.Country, consignment, ct))
            {
                errors[field] = messages;
            }
        }

        return (issuer, consignment, errors);
    }

    private static Guid? ExporterOf(Caller caller)
    {
        var organisations = caller.OrganisationsFor(OriginPermissions.Apply);
        return caller.OrganisationId is { } own && Guid.TryParse(own, out var id) && organisations.Contains(id) ? id : organisations.Count == 1 ? organisations[0] : null;
    }

    private static CertificateApplicationRequest Normalise(CertificateApplicationRequest r) => r with
    {
        ImportingCountry = r.ImportingCountry?.Trim().ToUpperInvariant(),
        Exporter = r.Exporter! with { Country = r.Exporter.Country?.Trim().ToUpperInvariant() },
        Importer = r.Importer! with { Country = r.Importer.Country?.Trim().ToUpperInvariant() },
        Items = r.Items!.Select(i => i with { HsCode = Reference.Contracts.ReferenceCodes.ParseHsCode(i.HsCode).Value, CountryOfOrigin = i.CountryOfOrigin?.Trim().ToUpperInvariant(), Currency = i.Currency?.Trim().ToUpperInvariant() }).ToList(),
    };

    internal static ProblemHttpResult KeyUnavailable(KeyUnavailableException e) =>
        TypedResults.Problem(detail: OriginMessages.KeyUnavailable.With(e.Kid).ToString(), statusCode: 503, title: "Signing key unavailable.", type: "https://caravan.example/problems/signing-key-unavailable");

    private static ApplicationStep Step(Guid application, DateTimeOffset at, Caller caller, string action, string? reason) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = application,
        At = at,
        By = caller.Name ?? caller.Id ?? "unknown",
        Action = action,
        Reason = reason,
    };

    private static ProblemHttpResult StateConflict(string state, string required) =>
        TypedResults.Problem(detail: OriginMessages.ApplicationState.With(state, required).ToString(), statusCode: 409, title: "Not in that state.", type: "https://caravan.example/problems/application-state");

    private async Task<Dictionary<Guid, string>> IssuerNamesAsync(CancellationToken ct) =>
        await db.Issuers.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);

    internal static ApplicationView View(CertificateApplication a, IReadOnlyDictionary<Guid, string> issuerNames) => new(
        a.Id,
        a.Number,
        a.State,
        a.IssuerId,
        issuerNames.GetValueOrDefault(a.IssuerId, a.IssuerId.ToString()),
        a.ExporterOrganisation,
        a.Version,
        a.SubmittedAt,
        a.UpdatedAt,
        a.CertificateId,
        JsonSerializer.Deserialize<CertificateApplicationRequest>(a.Content, JsonSerializerOptions.Web)!,
        a.Steps.OrderBy(s => s.At).Select(s => new ApplicationStepView(s.At, s.By, s.Action, s.Reason)).ToList());
}
