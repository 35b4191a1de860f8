using Caravan.Access.Contracts;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Access.Features.SignIn;

internal static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", (Caller caller) => TypedResults.Ok(new CallerInfo(
                caller.Kind.ToString().ToLowerInvariant(),
                caller.Id,
                caller.Name,
                caller.ClientId,
                caller.OrganisationId,
                caller.Grants.Select(g => g.ToString()).ToList())))
            .WithTags("Identity")
            .WithName("GetCaller")
            .WithSummary("The authenticated caller: kind, organisation and grants (role@scope).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
