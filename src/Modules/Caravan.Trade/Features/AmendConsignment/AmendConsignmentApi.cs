using System.Globalization;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Trade.Features.AmendConsignment;

/// <summary>
/// <c>PUT /consignments/{id}</c> with <c>If-Match</c> (the version as an entity tag, which GET returns in ETag), and the
/// declaration's versions with what each changed.
/// </summary>
internal static class AmendConsignmentApi
{
    public static void MapAmendConsignmentApi(this IEndpointRouteBuilder api)
    {
        api.MapPut("/consignments/{id}", Amend)
            .WithTags("Consignments")
            .WithName("AmendConsignment")
            .WithSummary("Replace the declaration before any administration has released or refused the consignment. Send If-Match with the ETag you read; the route's countries cannot change. Sending the current declaration again changes nothing.")
            .RequirePermission(TradePermissions.Lodge)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapGet("/consignments/{id}/versions", Versions)
            .WithTags("Consignments")
            .WithName("ListDeclarationVersions")
            .WithSummary("Every version of the declaration, oldest first: as lodged, then each amendment with the fields it changed.")
            .RequirePermission(TradePermissions.View)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The entity tag of a consignment version: its number, quoted.</summary>
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static async Task<Results<Ok<ConsignmentView>, ValidationProblem, ProblemHttpResult>> Amend(
        string id,
        ConsignmentDeclaration declaration,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        Caller caller,
        ConsignmentAmendment amendment,
        HttpResponse response,
        CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a consignment id (a GUID).");
        }

        int? version = null;
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            var tag = ifMatch.Trim();
            if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"' || !int.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.Invalid("If-Match", $"'{ReferenceCodes.Truncate(tag)}' is not a consignment ETag; send the ETag header of the consignment as you read it, e.g. \"2\".");
            }

            version = parsed;
        }

        var result = await amendment.AmendAsync(guid, version, declaration, caller, ct);
        if (result.Consignment is { } amended)
        {
            response.Headers.ETag = ETag(amended.Version);
        }

        return result.Outcome switch
        {
            AmendOutcome.Amended or AmendOutcome.Unchanged => TypedResults.Ok(result.Consignment!),
            AmendOutcome.Invalid => Problems.Invalid(result.Errors!),
            AmendOutcome.NotFound => Problems.NotFound($"There is no consignment {guid}."),
            AmendOutcome.NotLodgedByCaller => Problems.Forbidden("Only the trader that lodged a consignment may amend it."),
            AmendOutcome.PreconditionRequired => TypedResults.Problem(
                detail: "Send If-Match with the ETag of the version you amend (GET the consignment to read it), so that you never overwrite a change you have not seen.",
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match is required.",
                type: "https://caravan.example/problems/if-match-required"),
            AmendOutcome.VersionMoved => TypedResults.Problem(
                detail: result.Detail,
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The consignment has changed.",
                type: "https://caravan.example/problems/version-moved"),
            _ => TypedResults.Problem(
                detail: result.Detail,
                statusCode: StatusCodes.Status409Conflict,
                title: "Not possible now.",
                type: "https://caravan.example/problems/cannot-amend"),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<DeclarationVersionView>>, ValidationProblem, ProblemHttpResult>> Versions(
        string id, Caller caller, ConsignmentQueries queries, ConsignmentAmendment amendment, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a consignment id (a GUID).");
        }

        var (visibility, _) = await queries.FindAsync(caller, guid, ct);
        return visibility switch
        {
            Visibility.Found => TypedResults.Ok(await amendment.VersionsAsync(guid, ct)),
            Visibility.OutOfScope => Problems.Forbidden("This consignment neither belongs to your organisation nor passes through your country."),
            _ => Problems.NotFound($"There is no consignment {guid}."),
        };
    }
}
