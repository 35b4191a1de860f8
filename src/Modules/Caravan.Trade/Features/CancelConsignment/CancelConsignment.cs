using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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
        string id, CancellationRequest request, Caller caller, TradeDbContext db, IAuditLog audit, IOutbox outbox, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a consignment id (a GUID).");
        }

        var consignment = await db.Consignments.Include(c => c.Controls).Include(c => c.Events).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == guid, ct);
        if (consignment is null)
        {
            return Problems.NotFound($"There is no consignment {guid}.");
        }

        if (!ConsignmentQueries.LodgedBy(caller, consignment))
        {
            return Problems.Forbidden("Only the trader that lodged a consignment may withdraw it.");
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return Problems.Invalid("reason", "say why the consignment is withdrawn, in at most 500 characters.");
        }

        if (consignment.Status == "cancelled" || consignment.Controls.Any(c => c.State == "released"))
        {
            return TypedResults.Problem(
                detail: consignment.Status == "cancelled" ? "The consignment is already cancelled." : "An administration has already released it; ask that administration instead.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Not possible now.",
                type: "https://caravan.example/problems/cannot-cancel");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        consignment.Status = "cancelled";
        consignment.Version++;
        foreach (var control in consignment.Controls)
        {
            control.State = "cancelled";
        }

        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("trade.consignment.cancelled", "consignment", guid.ToString(), new { reason }), db, ct);
        await outbox.EnqueueAsync(TradeEvents.Message(TradeEvents.Cancelled, guid, consignment.Controls.Select(c => c.Country), consignment.LodgedByOrganisation, new ConsignmentCancelledEvent(guid, consignment.Reference, reason)), db, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(ConsignmentQueries.ToView(consignment));
    }
}
