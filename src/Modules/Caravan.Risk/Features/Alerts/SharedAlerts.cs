using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Domain;
using Caravan.Risk.Engine;
using Caravan.Risk.Features.Assess;
using Caravan.Risk.Features.Profiles;
using Caravan.Risk.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Risk.Features.Alerts;

/// <summary>
/// Alerts sent, listed and acknowledged, through the API and the analyst's pages alike: the same checks, the same
/// words for what is refused, the same audit entries.
/// </summary>
internal sealed class SharedAlerts(RiskDbContext db, IAuditLog audit, TimeProvider clock, RiskSnapshotCache cache)
{
    /// <summary>What a recipient may say it did with an alert.</summary>
    public static readonly IReadOnlyList<string> Actions = ["noted", "added-to-profile", "dismissed"];

    internal static AlertView View(SharedAlert a) => new(
        a.Id, a.FromCountry, a.ToCountries.Split(','), a.Summary, a.HsFrom, a.HsTo, a.Trader, a.RouteCountry, a.CountryOfOrigin, a.ValidFrom, a.ValidUntil,
        a.Acknowledgements.OrderBy(k => k.At).Select(k => new AcknowledgementView(k.Country, k.Action, k.Note, k.At, k.By)).ToList());

    public async Task<Results<Created<AlertView>, ValidationProblem, ProblemHttpResult>> PublishAsync(string country, NewAlert request, Caller caller, CancellationToken ct)
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
        var to = new List<string>();
        if (request.To is not { Count: > 0 })
        {
            errors["to"] = [RiskMessages.AlertTo.With().ToString()];
        }
        else
        {
            for (var i = 0; i < request.To.Count; i++)
            {
                var (recipient, bad) = ProfilesApi.ParseCountry(request.To[i] ?? string.Empty);
                if (bad is not null || recipient == code)
                {
                    errors[$"to[{i}]"] = [(recipient == code ? RiskMessages.AlertToSender.With() : RiskMessages.AlertNotMember.With(ReferenceCodes.Truncate(request.To[i] ?? string.Empty))).ToString()];
                }
                else if (!to.Contains(recipient!))
                {
                    to.Add(recipient!);
                }
            }
        }

        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 500)
        {
            errors["summary"] = [RiskMessages.AlertSummary.With().ToString()];
        }

        string? hsFrom = null, hsTo = null;
        if (request.HsFrom is not null || request.HsTo is not null)
        {
            var from = ReferenceCodes.ParseHsCode(request.HsFrom);
            var until = ReferenceCodes.ParseHsCode(request.HsTo);
            if (!from.IsValid)
            {
                errors["hsFrom"] = [from.Error!];
            }

            if (!until.IsValid)
            {
                errors["hsTo"] = [until.Error!];
            }
            else if (from.IsValid && HsRange.Of(from.Value!, until.Value!).IsEmpty)
            {
                errors["hsTo"] = [RiskMessages.AlertHsRangeEmpty.With(from.Value, until.Value).ToString()];
            }

            (hsFrom, hsTo) = (from.Value, until.Value);
        }

        string? Country(string? value, string field)
        {
            if (value is null)
            {
                return null;
            }

            var parsed = ReferenceCodes.ParseCountryCode(value);
            if (!parsed.IsValid)
            {
                errors[field] = [parsed.Error!];
            }

            return parsed.Value;
        }

        var route = Country(request.RouteCountry, "routeCountry");
        var origin = Country(request.CountryOfOrigin, "countryOfOrigin");
        if (hsFrom is null && request.Trader is null && route is null && origin is null && !errors.ContainsKey("hsFrom") && !errors.ContainsKey("hsTo"))
        {
            errors["criteria"] = [RiskMessages.AlertCriteria.With().ToString()];
        }

        var now = clock.GetUtcNow();
        var validFrom = request.ValidFrom ?? now;
        if (request.ValidUntil is null || request.ValidUntil <= validFrom || request.ValidUntil > validFrom.AddYears(1))
        {
            errors["validUntil"] = [RiskMessages.AlertValidUntil.With().ToString()];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = new SharedAlert
        {
            Id = Guid.NewGuid(),
            FromCountry = code!,
            ToCountries = string.Join(',', to),
            Summary = request.Summary!.Trim(),
            HsFrom = hsFrom,
            HsTo = hsTo,
            Trader = request.Trader,
            RouteCountry = route,
            CountryOfOrigin = origin,
            ValidFrom = validFrom.ToUniversalTime(),
            ValidUntil = request.ValidUntil!.Value.ToUniversalTime(),
            CreatedAt = now,
            CreatedBy = caller.Id ?? "unknown",
        };
        db.Alerts.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("risk.alert.published", "shared-alert", row.Id.ToString(), new { code, to, row.Summary }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/risk/{code}/alerts", View(row));
    }

    public async Task<Results<Ok<List<AlertView>>, ValidationProblem, ProblemHttpResult>> ListAsync(string country, Caller caller, CancellationToken ct)
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

        var rows = await db.Alerts.AsNoTracking().Include(a => a.Acknowledgements)
            .Where(a => a.FromCountry == code || a.ToCountries.Contains(code!))
            .OrderByDescending(a => a.CreatedAt).Take(200).ToListAsync(ct);
        // The sender sees every recipient's acknowledgement; a recipient sees its own.
        return TypedResults.Ok(rows.Where(a => a.FromCountry == code || a.ToCountries.Split(',').Contains(code)).Select(a =>
        {
            var view = View(a);
            return a.FromCountry == code ? view : view with { Acknowledgements = view.Acknowledgements.Where(k => k.Country == code).ToList() };
        }).ToList());
    }

    public async Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(string id, AlertAcknowledgementRequest request, Caller caller, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", RiskMessages.AlertId.With(ReferenceCodes.Truncate(id)).ToString());
        }

        var (code, problem) = ProfilesApi.ParseCountry(request.Country ?? string.Empty);
        if (problem is not null)
        {
            return Problems.Invalid("country", RiskMessages.AlertAckCountry.With().ToString());
        }

        if (request.Action is null || !Actions.Contains(request.Action))
        {
            return Problems.Invalid("action", RiskMessages.AlertAction.With(RiskMessages.CommaList(Actions)).ToString());
        }

        if (request.Note is { Length: > 500 })
        {
            return Problems.Invalid("note", RiskMessages.TooLong.With(500).ToString());
        }

        var alert = await db.Alerts.Include(a => a.Acknowledgements).SingleOrDefaultAsync(a => a.Id == guid, ct);
        if (alert is null)
        {
            return Problems.NotFound(RiskMessages.AlertNotFound.With(guid).ToString());
        }

        if (!caller.Has(RiskPermissions.Manage, Scope.Country(code!)) || !alert.ToCountries.Split(',').Contains(code))
        {
            return Problems.Forbidden(RiskMessages.AlertAckForbidden.With().ToString());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var acknowledgement = new AlertAcknowledgement { Id = Guid.NewGuid(), AlertId = guid, Country = code!, Action = request.Action, Note = request.Note?.Trim(), At = clock.GetUtcNow(), By = caller.Id ?? "unknown" };
        db.Acknowledgements.Add(acknowledgement);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("risk.alert.acknowledged", "shared-alert", guid.ToString(), new { code, request.Action }), db, ct);
        await transaction.CommitAsync(ct);
        alert.Acknowledgements.Add(acknowledgement);
        return TypedResults.Ok(View(alert) with { Acknowledgements = View(alert).Acknowledgements.Where(k => k.Country == code).ToList() });
    }
}
