using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Trade.Features.CancelConsignment;

/// <summary>
/// The lodging trader withdraws a consignment that no administration has released yet: its controls end, its
/// status becomes cancelled, and the reason is kept and audited.
/// </summary>
internal static class CancelConsignmentApi
{
    public static void MapCancelConsignmentApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/consignments/{id}/cancellation", Cancel)
            .WithTags("Consignments")
            .WithName("CancelConsignment")
            .WithSummary("Withdraw a consignment before any administration has released it, with a reason.")
            .RequirePermission(TradePermissions.Lodge)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ConsignmentView>, ValidationProblem, ProblemHttpResult>> Cancel(
        string id, CancellationRequest request, Caller caller, ConsignmentCancellation cancellation, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a consignment id (a GUID).");
        }

        var result = await cancellation.CancelAsync(guid, request.Reason, caller, ct);
        return result.Outcome switch
        {
            CancelOutcome.Cancelled => TypedResults.Ok(result.Consignment!),
            CancelOutcome.NotFound => Problems.NotFound($"There is no consignment {guid}."),
            CancelOutcome.NotLodgedByCaller => Problems.Forbidden("Only the trader that lodged a consignment may withdraw it."),
            CancelOutcome.ReasonMissing => Problems.Invalid("reason", "say why the consignment is withdrawn, in at most 500 characters."),
            _ => TypedResults.Problem(
                detail: result.Outcome == CancelOutcome.AlreadyCancelled ? "The consignment is already cancelled." : "An administration has already released it; ask that administration instead.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Not possible now.",
                type: "https://caravan.example/problems/cannot-cancel"),
        };
    }
}
