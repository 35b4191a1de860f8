using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;
using Caravan.Risk.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

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
        group.MapPost("/preview", Preview).WithName("PreviewRiskProfile")
            .WithSummary("How a draft definition would have routed the country's last 1,000 controls, next to the active version on the same random draws. Stores nothing.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
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
            : (null, Problems.Invalid("country", RiskMessages.CountryNotMember.With(parsed.Value, RiskMessages.CommaList(ReferenceCodes.MemberStates)).ToString()));
    }

    internal static ProblemHttpResult OutOfScope(string country) => Problems.Forbidden(RiskMessages.OutOfScope.With(country).ToString());

    private static Task<Results<Ok<List<ProfileVersionSummary>>, ValidationProblem, ProblemHttpResult>> List(string country, Caller caller, ProfileVersions versions, CancellationToken ct) =>
        versions.ListAsync(country, caller, ct);

    private static Task<Results<Ok<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> Get(string country, int version, Caller caller, ProfileVersions versions, CancellationToken ct) =>
        versions.GetAsync(country, version, caller, ct);

    private static Task<Results<Created<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> Create(string country, NewProfileVersion request, Caller caller, ProfileVersions versions, CancellationToken ct) =>
        versions.CreateAsync(country, request, caller, ct);

    private static Task<Results<Ok<ProfileVersionView>, ValidationProblem, ProblemHttpResult>> Publish(string country, int version, Caller caller, ProfileVersions versions, CancellationToken ct) =>
        versions.PublishAsync(country, version, caller, ct);

    private static Task<Results<Ok<ProfilePreviewView>, ValidationProblem, ProblemHttpResult>> Preview(string country, ProfileDefinition definition, Caller caller, ProfileVersions versions, CancellationToken ct) =>
        versions.PreviewAsync(country, definition, caller, ct);
}
