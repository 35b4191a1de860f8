using Caravan.Access.Contracts;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Access.Features.Organisations;

internal static class OrganisationsApi
{
    public static void MapOrganisationsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations");

        group.MapGet("/", async (Caller caller, IOrganisationDirectory organisations, CancellationToken ct) =>
                TypedResults.Ok(await organisations.ListVisibleAsync(caller, ct)))
            .WithName("ListOrganisations")
            .WithSummary("The organisations the caller may see: all with a platform-wide grant, else its own and its countries'.")
            .RequirePermission(AccessPermissions.ViewOrganisations)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id}", GetOrganisation)
            .WithName("GetOrganisation")
            .WithSummary("One organisation, if it is within the caller's scope.")
            .RequirePermission(AccessPermissions.ViewOrganisations)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreateOrganisation)
            .WithName("CreateOrganisation")
            .WithSummary("Register an organisation: a customs administration or office, a trader (with its validated national identifier), an issuing body, a centre, a city.")
            .RequirePermission(AccessPermissions.ManageOrganisations)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<OrganisationInfo>, ValidationProblem, ProblemHttpResult>> GetOrganisation(
        string id, Caller caller, IOrganisationDirectory organisations, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{Caravan.Reference.Contracts.ReferenceCodes.Truncate(id)}' is not an organisation id (a GUID).");
        }

        var found = await organisations.FindAsync(caller, guid, ct);
        return found.Visibility switch
        {
            Visibility.Found => TypedResults.Ok(found.Organisation!),
            Visibility.OutOfScope => Problems.Forbidden("This organisation is outside your scope."),
            _ => Problems.NotFound($"There is no organisation {guid}."),
        };
    }

    private static async Task<Results<Created<OrganisationInfo>, ValidationProblem>> CreateOrganisation(
        NewOrganisation request, Caller caller, IOrganisationDirectory organisations, CancellationToken ct)
    {
        var (created, errors) = await organisations.CreateAsync(request, caller, ct);
        return created is null
            ? Problems.Invalid(errors)
            : TypedResults.Created($"/api/v1/organisations/{created.Id}", created);
    }
}
