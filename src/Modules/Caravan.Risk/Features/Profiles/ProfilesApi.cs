using System.Text.Json;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Domain;
using Caravan.Risk.Engine;
using Caravan.Risk.Features.Assess;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Risk.Features.Profiles;

/// <summary>
/// A country's risk profiles: every version kept; a new one is checked completely and stored as a draft; publishing
/// makes it the one engines run and retires the one before. Versions never change, so a past assessment replays.
/// </summary>
internal static class ProfilesApi
{
    public static void MapProfilesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/risk/{country}/profiles").WithTags("Risk");
        group.MapGet("/", List).WithName("ListRiskProfiles").WithSummary("The country's profile versions, newest first.")
            .RequirePermission(RiskPermissions.View).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/{version:int}", Get).WithName("GetRiskProfile").WithSummary("One profile version with its rules.")
            .RequirePermission(RiskPermissions.View).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        group.MapPost("/", Create).WithName("CreateRiskProfile")
            .WithSummary("Store a new draft version after checking every rule, band and rate; nothing is stored when a check fails.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapPost("/{version:int}/publication", Publish).WithName("PublishRiskProfile")
            .WithSummary("Make a draft the active version; the active one before it is retired. Assessments from now on use it.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    internal static (string? Country, ValidationProblem? Problem) ParseCountry(string country)
    {
        var parsed = ReferenceCodes.ParseCountryCode(country);
        if (!parsed.IsValid)
        {
            return (null, Problems.Invalid("country", parsed.Error!));
        }

        return ReferenceCodes.MemberStates.Contains(parsed.Value!)
            ? (parsed.Value, null)
            : (null, Problems.Invalid("country", $"{parsed.Value} is not a member state of the platform; use one of {string.Join(", ", ReferenceCodes.MemberStates)}."));
    }

    internal static ProblemHttpResult OutOfScope(string country) => Problems.Forbidden($"Your grants do not cover the risk management of {country}.");

    private static async Task<Results<Ok<List<ProfileVersionSummary>>, ValidationProblem, ProblemHttpResult>> List(string country, Caller caller, RiskDbContext db, CancellationToken ct)
    {
        var (code, problem) = ParseCountry(country);
        if (problem is not null)
        {
            return problem;
        }

        if (!caller.Has(RiskPermissions.View, Scope.Country(code!)))
        {
            return OutOfScope(code!);
        }

        var rows = await db.Profiles.AsNoTracking().Where(p => p.Country == code).OrderByDescending(p => p.Version).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(p => new ProfileVersionSummary(p.Version, p.State, p.Note, Definition(p).Rules?.Count ?? 0, p.CreatedAt, p.CreatedBy, p.PublishedAt, p.PublishedBy)).ToList());
    }

    private static async Task<Results<Ok<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> Get(string country, int version, Caller caller, RiskDbContext db, CancellationToken ct)
    {
        var (code, problem) = ParseCountry(country);
        if (problem is not null)
        {
            return problem;
        }

        if (!caller.Has(RiskPermissions.View, Scope.Country(code!)))
        {
            return OutOfScope(code!);
        }

        var row = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Country == code && p.Version == version, ct);
        return row is null
            ? Problems.NotFound($"{code} has no risk profile version {version}.")
            : TypedResults.Ok(new ProfileVersionView(row.Country, row.Version, row.State, row.Note, row.CreatedAt, row.CreatedBy, row.PublishedAt, Definition(row)));
    }

    private static async Task<Results<Created<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> Create(
        string country, NewProfileVersion request, Caller caller, RiskDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (code, problem) = ParseCountry(country);
        if (problem is not null)
        {
            return problem;
        }

        if (!caller.Has(RiskPermissions.Manage, Scope.Country(code!)))
        {
            return OutOfScope(code!);
        }

        var (_, errors) = ProfileCompiler.Compile(request.Definition);
        var all = errors.ToDictionary(e => "definition." + e.Key, e => e.Value);
        if (request.Note is { Length: > 500 })
        {
            all["note"] = ["has at most 500 characters."];
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

    private static async Task<Results<Ok<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> Publish(
        string country, int version, Caller caller, RiskDbContext db, IAuditLog audit, TimeProvider clock, RiskSnapshotCache cache, CancellationToken ct)
    {
        var (code, problem) = ParseCountry(country);
        if (problem is not null)
        {
            return problem;
        }

        if (!caller.Has(RiskPermissions.Manage, Scope.Country(code!)))
        {
            return OutOfScope(code!);
        }

        var row = await db.Profiles.SingleOrDefaultAsync(p => p.Country == code && p.Version == version, ct);
        if (row is null)
        {
            return Problems.NotFound($"{code} has no risk profile version {version}.");
        }

        if (row.State != "draft")
        {
            return TypedResults.Problem(
                detail: $"Version {version} is {row.State}; only a draft is published. To go back to it, store it again as a new draft.",
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

    private static ProblemHttpResult Concurrent() => TypedResults.Problem(
        detail: "Another analyst changed this country's profiles at the same moment. Read the versions again and retry.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Changed at the same time.",
        type: "https://caravan.example/problems/concurrent-change");

    private static ProfileDefinition Definition(ProfileVersion row) => JsonSerializer.Deserialize<ProfileDefinition>(row.Definition, JsonSerializerOptions.Web)!;
}
