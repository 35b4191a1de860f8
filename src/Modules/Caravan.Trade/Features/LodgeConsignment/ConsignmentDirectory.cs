using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.LodgeConsignment;

/// <summary>The consignments other modules may read, through the same visibility rule as the API.</summary>
internal sealed class ConsignmentDirectory(ConsignmentQueries queries, TradeDbContext db) : IConsignmentDirectory
{
    public async Task<ConsignmentView?> FindAsync(Caller caller, Guid id, CancellationToken cancellationToken = default) =>
        (await queries.FindAsync(caller, id, cancellationToken)).Consignment;

    public async Task<(ConsignmentView Consignment, CustomsControlView Control)?> FindControlAsync(Caller caller, Guid controlId, CancellationToken cancellationToken = default)
    {
        var consignmentId = await db.Controls.AsNoTracking().Where(c => c.Id == controlId).Select(c => (Guid?)c.ConsignmentId).SingleOrDefaultAsync(cancellationToken);
        if (consignmentId is null || (await queries.FindAsync(caller, consignmentId.Value, cancellationToken)).Consignment is not { } consignment)
        {
            return null;
        }

        return (consignment, consignment.Controls.Single(c => c.Id == controlId));
    }

    public async Task<bool> LodgedByAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Consignments.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.LodgedByOrganisation).SingleOrDefaultAsync(cancellationToken);
        return organisation is { } o && ConsignmentQueries.LodgedBy(caller, o);
    }

    public async Task<IReadOnlyList<ConsignmentView>> ListLodgedAsync(Caller caller, int limit, CancellationToken cancellationToken = default)
    {
        var organisations = caller.OrganisationsFor(TradePermissions.Lodge);
        if (organisations.Count == 0)
        {
            return [];
        }

        var rows = await db.Consignments.AsNoTracking()
            .Where(c => organisations.Contains(c.LodgedByOrganisation) && c.Status != "cancelled")
            .OrderByDescending(c => c.LodgedAt).ThenBy(c => c.Id).Take(limit)
            .Include(c => c.Controls).Include(c => c.Events).AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(ConsignmentQueries.ToView).ToList();
    }
}
