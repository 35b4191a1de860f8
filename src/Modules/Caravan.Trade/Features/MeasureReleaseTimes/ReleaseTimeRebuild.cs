using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.MeasureReleaseTimes;

/// <summary>
/// Every consignment through <see cref="ReleaseTimeProjector"/>, a thousand at a time (the ids are read first: 16 bytes
/// a consignment, a million in 16 MB), then the rows of controls that no longer exist are deleted.
/// </summary>
internal sealed class ReleaseTimeRebuild(TradeDbContext db) : IReleaseTimeRebuild
{
    private const int Batch = 1000;

    public async Task<ReleaseTimeRebuildResult> RebuildAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var projector = new ReleaseTimeProjector(db);
        var ids = await db.Consignments.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        var done = 0;
        foreach (var batch in ids.Chunk(Batch))
        {
            await projector.ProjectAsync(batch, cancellationToken);
            done += batch.Length;
            progress?.Report(done);
        }

        var removed = await db.ReleaseTimes.Where(r => !db.Controls.Any(c => c.Id == r.ControlId)).ExecuteDeleteAsync(cancellationToken);
        var controls = await db.ReleaseTimes.CountAsync(cancellationToken);
        return new ReleaseTimeRebuildResult(done, controls, removed);
    }
}
