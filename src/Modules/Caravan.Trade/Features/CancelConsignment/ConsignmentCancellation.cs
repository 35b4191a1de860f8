using Caravan.Platform.Audit;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.CancelConsignment;

internal enum CancelOutcome
{
    Cancelled,
    NotFound,
    NotLodgedByCaller,
    ReasonMissing,
    AlreadyCancelled,
    Released,
}

internal sealed record CancelResult(CancelOutcome Outcome, ConsignmentView? Consignment = null);

/// <summary>
/// The lodging trader withdraws a consignment that no administration has released yet: its controls end, its
/// status becomes cancelled, and the reason is kept and audited. One place for the API and the consignment page,
/// so that both refuse the same things.
/// </summary>
internal sealed class ConsignmentCancellation(TradeDbContext db, IAuditLog audit, IOutbox outbox)
{
    public const int MaxReasonLength = 500;

    public async Task<CancelResult> CancelAsync(Guid id, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        var consignment = await db.Consignments.Include(c => c.Controls).Include(c => c.Events).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consignment is null)
        {
            return new CancelResult(CancelOutcome.NotFound);
        }

        if (!ConsignmentQueries.LodgedBy(caller, consignment))
        {
            return new CancelResult(CancelOutcome.NotLodgedByCaller);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return new CancelResult(CancelOutcome.ReasonMissing);
        }

        if (consignment.Status == "cancelled")
        {
            return new CancelResult(CancelOutcome.AlreadyCancelled);
        }

        if (consignment.Controls.Any(c => c.State == "released"))
        {
            return new CancelResult(CancelOutcome.Released);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        consignment.Status = "cancelled";
        consignment.Version++;
        foreach (var control in consignment.Controls)
        {
            control.State = "cancelled";
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(caller.Did("trade.consignment.cancelled", "consignment", id.ToString(), new { reason }), db, cancellationToken);
        await outbox.EnqueueAsync(TradeEvents.Message(TradeEvents.Cancelled, id, consignment.Controls.Select(c => c.Country), consignment.LodgedByOrganisation, new ConsignmentCancelledEvent(id, consignment.Reference, reason!)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CancelResult(CancelOutcome.Cancelled, ConsignmentQueries.ToView(consignment));
    }

    /// <summary>Whether a consignment in this state may still be withdrawn (the page offers the form only then).</summary>
    public static bool Allowed(ConsignmentView consignment) =>
        consignment.Status != "cancelled" && consignment.Controls.All(c => c.State != "released");
}
