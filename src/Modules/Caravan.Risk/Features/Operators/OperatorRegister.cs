using System.Globalization;
using Caravan.Access.Contracts;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Domain;
using Caravan.Risk.Features.Assess;
using Caravan.Risk.Features.Profiles;
using Caravan.Risk.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Risk.Features.Operators;

/// <summary>
/// A country's AEO register and the arrangements between countries, kept through the API and the analyst's pages
/// alike: the same checks, the same words for what is refused, the same audit entries.
/// </summary>
internal sealed class OperatorRegister(RiskDbContext db, IOrganisationDirectory organisations, IAuditLog audit, TimeProvider clock, RiskSnapshotCache cache)
{
    internal static OperatorView View(EconomicOperator o) => new(o.Id, o.Country, o.Organisation, o.CertificateNumber, o.ValidFrom, o.ValidUntil, o.Status, o.StatusReason, o.StatusSince);

    internal static ArrangementView View(RecognitionArrangement a) => new(a.Id, a.CountryA, a.CountryB, a.Title, a.InForceFrom, a.InForceUntil);

    public async Task<Results<Ok<List<OperatorView>>, ValidationProblem, ProblemHttpResult>> ListAsync(string country, Caller caller, CancellationToken ct)
    {
        var (code, problem) = ProfilesApi.ParseCountry(country);
        if (problem is not null)
        {
            return problem;
        }

        if (!caller.Has(RiskPermissions.View, Scope.Country(code!)))
        {
            return ProfilesApi.OutOfScope(code!);
        }

        var rows = await db.Operators.AsNoTracking().Where(o => o.Country == code).OrderBy(o => o.CertificateNumber).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(View).ToList());
    }

    public async Task<Results<Created<OperatorView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(string country, NewOperator request, Caller caller, CancellationToken ct)
    {
        var (code, problem) = ProfilesApi.ParseCountry(country);
        if (problem is not null)
        {
            return problem;
        }

        if (!caller.Has(RiskPermissions.Manage, Scope.Country(code!)))
        {
            return ProfilesApi.OutOfScope(code!);
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Organisation is null || request.Organisation == Guid.Empty)
        {
            errors["organisation"] = [RiskMessages.AeoOrganisationRequired.With().ToString()];
        }
        else if (await organisations.FindAsync(caller, request.Organisation.Value, ct) is not { Visibility: Caravan.Access.Contracts.Visibility.Found, Organisation: { Kind: OrganisationKind.Trader } trader } || trader.Country != code)
        {
            errors["organisation"] = [RiskMessages.AeoNotOwnTrader.With(request.Organisation, code).ToString()];
        }

        var certificate = request.CertificateNumber?.Trim();
        if (string.IsNullOrEmpty(certificate) || certificate.Length > 60)
        {
            errors["certificateNumber"] = [RiskMessages.AeoCertificate.With().ToString()];
        }

        if (request.ValidFrom is null)
        {
            errors["validFrom"] = [RiskMessages.AeoValidFrom.With().ToString()];
        }

        if (request.ValidUntil is null || (request.ValidFrom is { } from && request.ValidUntil < from))
        {
            errors["validUntil"] = [RiskMessages.AeoValidUntil.With().ToString()];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await db.Operators.AnyAsync(o => o.Country == code && o.CertificateNumber == certificate, ct))
        {
            return TypedResults.Problem(detail: $"{code} already has an AEO with certificate {certificate}.", statusCode: 409, title: "Already registered.", type: "https://caravan.example/problems/duplicate-certificate");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = new EconomicOperator
        {
            Id = Guid.NewGuid(),
            Country = code!,
            Organisation = request.Organisation!.Value,
            CertificateNumber = certificate!,
            ValidFrom = request.ValidFrom!.Value,
            ValidUntil = request.ValidUntil!.Value,
            Status = "active",
            StatusSince = clock.GetUtcNow(),
        };
        db.Operators.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("risk.aeo.registered", "economic-operator", row.Id.ToString(), new { code, row.Organisation, row.CertificateNumber, row.ValidFrom, row.ValidUntil }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/risk/{code}/operators/{row.Id}", View(row));
    }

    public async Task<Results<Ok<OperatorView>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(string country, string id, OperatorStatusChange request, Caller caller, CancellationToken ct)
    {
        var (code, problem) = ProfilesApi.ParseCountry(country);
        if (problem is not null)
        {
            return problem;
        }

        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", RiskMessages.AeoId.With(ReferenceCodes.Truncate(id)).ToString());
        }

        if (!caller.Has(RiskPermissions.Manage, Scope.Country(code!)))
        {
            return ProfilesApi.OutOfScope(code!);
        }

        if (request.Status is not ("active" or "suspended" or "revoked"))
        {
            return Problems.Invalid("status", RiskMessages.AeoStatus.With().ToString());
        }

        if (request.Status != "active" && string.IsNullOrWhiteSpace(request.Reason) || request.Reason is { Length: > 500 })
        {
            return Problems.Invalid("reason", RiskMessages.AeoReason.With().ToString());
        }

        var row = await db.Operators.SingleOrDefaultAsync(o => o.Id == guid && o.Country == code, ct);
        if (row is null)
        {
            return Problems.NotFound(RiskMessages.AeoNotFound.With(code, guid).ToString());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = row.Status;
        row.Status = request.Status;
        row.StatusReason = request.Reason?.Trim();
        row.StatusSince = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("risk.aeo.status-changed", "economic-operator", row.Id.ToString(), new { before, after = row.Status, row.StatusReason }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(View(row));
    }

    public async Task<Ok<List<ArrangementView>>> ArrangementsAsync(CancellationToken ct) =>
        TypedResults.Ok((await db.Arrangements.AsNoTracking().OrderBy(a => a.CountryA).ThenBy(a => a.CountryB).ToListAsync(ct)).Select(View).ToList());

    public async Task<Results<Created<ArrangementView>, ValidationProblem, ProblemHttpResult>> ConcludeAsync(NewArrangement request, Caller caller, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var a = ProfilesApi.ParseCountry(request.CountryA ?? string.Empty);
        var b = ProfilesApi.ParseCountry(request.CountryB ?? string.Empty);
        if (a.Problem is not null)
        {
            errors["countryA"] = [RiskMessages.ArrangementCountry.With("KZ").ToString()];
        }

        if (b.Problem is not null)
        {
            errors["countryB"] = [RiskMessages.ArrangementCountry.With("UZ").ToString()];
        }
        else if (a.Country == b.Country)
        {
            errors["countryB"] = [RiskMessages.ArrangementSameCountry.With().ToString()];
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300)
        {
            errors["title"] = [RiskMessages.ArrangementTitle.With().ToString()];
        }

        if (request.InForceFrom is null)
        {
            errors["inForceFrom"] = [RiskMessages.ArrangementInForceFrom.With().ToString()];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (!caller.Has(RiskPermissions.Manage, Scope.Country(a.Country!)) && !caller.Has(RiskPermissions.Manage, Scope.Country(b.Country!)))
        {
            return Problems.Forbidden(RiskMessages.ArrangementRegisterForbidden.With(a.Country, b.Country).ToString());
        }

        var (first, second) = RiskAssessor.Pair(a.Country!, b.Country!);
        if (await db.Arrangements.AnyAsync(m => m.CountryA == first && m.CountryB == second && m.InForceUntil == null, ct))
        {
            return TypedResults.Problem(detail: RiskMessages.ArrangementInForce.With(first, second).ToString(), statusCode: 409, title: "Already in force.", type: "https://caravan.example/problems/arrangement-in-force");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = new RecognitionArrangement { Id = Guid.NewGuid(), CountryA = first, CountryB = second, Title = request.Title!.Trim(), InForceFrom = request.InForceFrom!.Value };
        db.Arrangements.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("risk.arrangement.registered", "recognition-arrangement", row.Id.ToString(), new { first, second, row.Title, row.InForceFrom }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/risk/arrangements/{row.Id}", View(row));
    }

    public async Task<Results<Ok<ArrangementView>, ValidationProblem, ProblemHttpResult>> EndAsync(string id, ArrangementEnd request, Caller caller, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", RiskMessages.ArrangementId.With(ReferenceCodes.Truncate(id)).ToString());
        }

        var row = await db.Arrangements.SingleOrDefaultAsync(m => m.Id == guid, ct);
        if (row is null)
        {
            return Problems.NotFound(RiskMessages.ArrangementNotFound.With(guid).ToString());
        }

        if (!caller.Has(RiskPermissions.Manage, Scope.Country(row.CountryA)) && !caller.Has(RiskPermissions.Manage, Scope.Country(row.CountryB)))
        {
            return Problems.Forbidden(RiskMessages.ArrangementEndForbidden.With(row.CountryA, row.CountryB).ToString());
        }

        if (request.Until is null || request.Until < row.InForceFrom)
        {
            return Problems.Invalid("until", RiskMessages.ArrangementUntil.With(row.InForceFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        row.InForceUntil = request.Until;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("risk.arrangement.ended", "recognition-arrangement", row.Id.ToString(), new { request.Until }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(View(row));
    }
}
