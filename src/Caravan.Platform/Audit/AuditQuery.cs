using Microsoft.EntityFrameworkCore;

namespace Caravan.Platform.Audit;

/// <summary>Reads the audit log: pages for the admin browser, and the verification of the whole chain.</summary>
internal sealed class AuditQuery(AuditDbContext db) : IAuditQuery
{
    public const int MaxPageSize = 500;

    /// <summary>How many entries verification holds in memory at a time.</summary>
    public const int VerifyBatchSize = 1_000;

    public async Task<AuditPage> ListAsync(AuditFilter filter, long? before = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);

        var query = db.Entries.AsNoTracking();
        if (filter.ActorId is { } actorId)
        {
            query = query.Where(e => e.ActorId == actorId);
        }

        if (!string.IsNullOrEmpty(filter.ActionPrefix))
        {
            // Actions are lower case by contract; folding the prefix makes SQLite's LIKE (ASCII case-insensitive)
            // and PostgreSQL's (case-sensitive) answer the same.
            var prefix = filter.ActionPrefix.ToLowerInvariant();
            query = query.Where(e => e.Action.StartsWith(prefix));
        }

        if (filter.EntityType is { } entityType)
        {
            query = query.Where(e => e.EntityType == entityType);
        }

        if (filter.EntityId is { } entityId)
        {
            query = query.Where(e => e.EntityId == entityId);
        }

        if (filter.From is { } from)
        {
            var fromUtc = from.UtcDateTime;
            query = query.Where(e => e.OccurredAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.UtcDateTime;
            query = query.Where(e => e.OccurredAt < toUtc);
        }

        if (before is { } cursor)
        {
            query = query.Where(e => e.Sequence < cursor);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(pageSize + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var next = rows.Count > pageSize ? rows[pageSize - 1].Sequence : (long?)null;
        return new AuditPage([.. rows.Take(pageSize).Select(View)], next);
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long expected = 1, intact = 0;
        var previousHash = AuditHash.Genesis;
        while (true)
        {
            var after = expected - 1;
            var batch = await db.Entries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(VerifyBatchSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return new AuditVerification(intact, null, null);
            }

            foreach (var entry in batch)
            {
                if (entry.Sequence != expected)
                {
                    // Entries are read in ascending order from the expected one, so a different number means the
                    // expected one is gone (or, for a first entry at or below zero, that entry is out of place).
                    return new AuditVerification(intact, Math.Min(entry.Sequence, expected), AuditBreakReason.SequenceGap);
                }

                // Content first: an entry whose own fields were edited is named as changed, whatever else.
                if (!string.Equals(AuditHash.Compute(entry), entry.Hash, StringComparison.Ordinal))
                {
                    return new AuditVerification(intact, entry.Sequence, AuditBreakReason.HashMismatch);
                }

                if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return new AuditVerification(intact, entry.Sequence, AuditBreakReason.PreviousHashMismatch);
                }

                previousHash = entry.Hash;
                expected++;
                intact++;
            }
        }
    }

    private static AuditEntryView View(AuditEntry e) => new(
        e.Sequence,
        new DateTimeOffset(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc), TimeSpan.Zero),
        e.ActorKind,
        e.ActorId,
        e.ClientId,
        e.OrganisationId,
        e.Action,
        e.EntityType,
        e.EntityId,
        e.ChangeDigest,
        e.RemoteAddress,
        e.PreviousHash,
        e.Hash);
}
