using System.Text.Json;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Domain;
using Caravan.Risk.Engine;
using Caravan.Risk.Features.Assess;
using Caravan.Risk.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Risk.Features.Profiles;

/// <summary>
/// A country's profile versions, read, drafted and published: the API's endpoints and the analyst's pages both go
/// through here, so that both refuse the same input with the same words and record the same audit entries.
/// </summary>
internal sealed class ProfileVersions(RiskDbContext db, IAuditLog audit, TimeProvider clock, RiskSnapshotCache cache, ProfilePreview preview)
{
    public async Task<Results<Ok<List<ProfileVersionSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(string country, Caller caller, CancellationToken ct)
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

        var rows = await db.Profiles.AsNoTracking().Where(p => p.Country == code).OrderByDescending(p => p.Version).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(p => new ProfileVersionSummary(p.Version, p.State, p.Note, Definition(p).Rules?.Count ?? 0, p.CreatedAt, p.CreatedBy, p.PublishedAt, p.PublishedBy)).ToList());
    }

    public async Task<Results<Ok<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> GetAsync(string country, int version, Caller caller, CancellationToken ct)
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

        var row = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Country == code && p.Version == version, ct);
        return row is null
            ? Problems.NotFound(RiskMessages.VersionNotFound.With(code, version).ToString())
            : TypedResults.Ok(new ProfileVersionView(row.Country, row.Version, row.State, row.Note, row.CreatedAt, row.CreatedBy, row.PublishedAt, Definition(row)));
    }

    public async Task<Results<Created<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> CreateAsync(string country, NewProfileVersion request, Caller caller, CancellationToken ct)
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

        var (_, errors) = ProfileCompiler.Compile(request.Definition);
        var all = errors.ToDictionary(e => "definition." + e.Key, e => e.Value);
        if (request.Note is { Length: > 500 })
        {
            all["note"] = [RiskMessages.TooLong.With(500).ToString()];
        }

        if (all.Count > 0)
        {
            return Problems.Invalid(all);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var next = (await db.Profiles.Where(p => p.Country == code).MaxAsync(p => (int?)p.Version, ct) ?? 0) + 1;
        var row = new ProfileVersion
        {
            Id = Guid.NewGuid(),
            Country = code!,
            Version = next,
            State = "draft",
            Definition = JsonSerializer.Serialize(request.Definition, JsonSerializerOptions.Web),
            Note = request.Note?.Trim(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = caller.Id ?? "unknown",
        };
        db.Profiles.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Concurrent();
        }

        await audit.AppendAsync(caller.Did("risk.profile.drafted", "risk-profile", $"{code}/{next}", new { rules = request.Definition!.Rules?.Count ?? 0, row.Note }), db, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/risk/{code}/profiles/{next}", new ProfileVersionView(row.Country, row.Version, row.State, row.Note, row.CreatedAt, row.CreatedBy, null, Definition(row)));
    }

    public async Task<Results<Ok<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> PublishAsync(string country, int version, Caller caller, CancellationToken ct)
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

        var row = await db.Profiles.SingleOrDefaultAsync(p => p.Country == code && p.Version == version, ct);
        if (row is null)
        {
            return Problems.NotFound(RiskMessages.VersionNotFound.With(code, version).ToString());
        }

        if (row.State != "draft")
        {
            return TypedResults.Problem(
                detail: RiskMessages.VersionNotADraft.With(version, row.State).ToString(),
                statusCode: StatusCodes.Status409Conflict,
                title: "Not possible now.",
                type: "https://caravan.example/problems/not-a-draft");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var active = await db.Profiles.Where(p => p.Country == code && p.State == "active").ToListAsync(ct);
        foreach (var previous in active)
        {
            previous.State = "retired";
        }

        try
        {
            // Retire first, then activate: the unique index on the active version is checked statement by statement.
            await db.SaveChangesAsync(ct);
            row.State = "active";
            row.PublishedAt = clock.GetUtcNow();
            row.PublishedBy = caller.Id ?? "unknown";
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Concurrent();
        }

        await audit.AppendAsync(caller.Did("risk.profile.published", "risk-profile", $"{code}/{version}", new { retired = active.Select(a => a.Version).ToList() }), db, ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(new ProfileVersionView(row.Country, row.Version, row.State, row.Note, row.CreatedAt, row.CreatedBy, row.PublishedAt, Definition(row)));
    }

    /// <summary>The draft run next to the active version over the country's recent controls; nothing is stored.</summary>
    public async Task<Results<Ok<ProfilePreviewView>, ValidationProblem, ProblemHttpResult>> PreviewAsync(string country, ProfileDefinition? draft, Caller caller, CancellationToken ct)
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

        var (result, errors) = await preview.RunAsync(code!, draft, ct);
        return result is null ? Problems.Invalid(errors) : TypedResults.Ok(result);
    }

    private static ProblemHttpResult Concurrent() => TypedResults.Problem(
        detail: RiskMessages.VersionConcurrent.With().ToString(),
        statusCode: StatusCodes.Status409Conflict,
        title: "Changed at the same time.",
        type: "https://caravan.example/problems/concurrent-change");

    internal static ProfileDefinition Definition(ProfileVersion row) => JsonSerializer.Deserialize<ProfileDefinition>(row.Definition, JsonSerializerOptions.Web)!;
}
