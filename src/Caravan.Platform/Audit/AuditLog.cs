using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Caravan.Platform.Audit;

/// <summary>
/// Extends the chain: reads the last entry, links the new one to it, and stores it, with writers serialised so
/// that no two entries claim the same place. On PostgreSQL a transaction-scoped advisory lock is taken before the
/// last entry is read (it is released when the transaction ends, after its commit is visible); on SQLite the
/// write transaction is <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), which holds the database's one
/// write lock from the start, and other writers wait for it (busy timeout). The primary key on Sequence is the
/// last line of defence: a fork can never be committed.
/// </summary>
internal sealed partial class AuditLog(AuditDbContext db, TimeProvider clock) : IAuditLog
{
    /// <summary>The advisory lock key of the audit chain on PostgreSQL ("CaravanA" in ASCII).</summary>
    public const long ChainLockKey = 0x4361_7261_7661_6E41;

    public async Task<AuditReceipt> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var draft = Draft(record);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var receipt = await ExtendAsync(db, draft, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return receipt;
        }).ConfigureAwait(false);
    }

    public async Task<AuditReceipt> AppendAsync(AuditRecord record, DbContext participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var draft = Draft(record);
        var transaction = participant.Database.CurrentTransaction
            ?? throw new InvalidOperationException(
                $"{participant.GetType().Name} has no transaction: begin one (Database.BeginTransactionAsync) before appending to the audit log inside it, " +
                "so that the change and its audit entry commit together.");

        // The audit context borrows the participant's open connection and joins its transaction; it owns neither,
        // so disposing it leaves both to the participant, which commits or rolls back the change and the entry together.
        var connection = participant.Database.GetDbConnection();
        await using var audit = CreateOn(participant, connection);
        await audit.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken).ConfigureAwait(false);
        return await ExtendAsync(audit, draft, cancellationToken).ConfigureAwait(false);
    }

    private static AuditDbContext CreateOn(DbContext participant, DbConnection connection)
    {
        if (participant.Database.IsNpgsql())
        {
            var options = new DbContextOptionsBuilder<PostgresAuditDbContext>()
                .UseNpgsql(connection, o => o.MigrationsHistoryTable("__migrations", AuditDbContext.Module))
                .Options;
            return new PostgresAuditDbContext(options);
        }

        if (participant.Database.IsSqlite())
        {
            var options = new DbContextOptionsBuilder<SqliteAuditDbContext>()
                .UseSqlite(connection, o => o.MigrationsHistoryTable($"__migrations_{AuditDbContext.Module}"))
                .Options;
            return new SqliteAuditDbContext(options);
        }

        throw new NotSupportedException($"The audit log runs on SQLite or PostgreSQL; {participant.GetType().Name} uses {participant.Database.ProviderName}.");
    }

    /// <summary>Under the chain lock: link the draft to the last entry and store it. The caller commits.</summary>
    private async Task<AuditReceipt> ExtendAsync(AuditDbContext context, AuditEntry draft, CancellationToken cancellationToken)
    {
        if (context.Database.IsNpgsql())
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken).ConfigureAwait(false);
        }

        var last = await context.Entries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);

        draft.Sequence = (last?.Sequence ?? 0) + 1;
        draft.PreviousHash = last?.Hash ?? AuditHash.Genesis;
        draft.OccurredAt = AuditHash.Truncate(clock.GetUtcNow());
        draft.Hash = AuditHash.Compute(draft);

        context.Entries.Add(draft);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The entry is written (or the transaction is doomed); nothing is kept tracked in the scope.
            context.Entry(draft).State = EntityState.Detached;
        }

        return new AuditReceipt(draft.Sequence, new DateTimeOffset(draft.OccurredAt, TimeSpan.Zero), draft.ChangeDigest, draft.Hash);
    }

    /// <summary>Checks the record and computes its digest, before any lock is taken.</summary>
    internal static AuditEntry Draft(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var kind = record.ActorKind switch
        {
            AuditActorKind.User => "user",
            AuditActorKind.Client => "client",
            AuditActorKind.System => "system",
            AuditActorKind.Anonymous => "anonymous",
            _ => throw new ArgumentException($"AuditRecord.ActorKind {(int)record.ActorKind} is not a known kind of actor.", nameof(record)),
        };

        // An anonymous caller may have no id; every other actor has one. An entity id may be empty, never null.
        Text(record.ActorId, nameof(AuditRecord.ActorId), AuditDbContext.IdLength, nullable: false, empty: record.ActorKind == AuditActorKind.Anonymous);
        Text(record.EntityType, nameof(AuditRecord.EntityType), AuditDbContext.EntityTypeLength, nullable: false, empty: false);
        Text(record.EntityId, nameof(AuditRecord.EntityId), AuditDbContext.IdLength, nullable: false, empty: true);
        Text(record.ClientId, nameof(AuditRecord.ClientId), AuditDbContext.IdLength, nullable: true, empty: true);
        Text(record.OrganisationId, nameof(AuditRecord.OrganisationId), AuditDbContext.IdLength, nullable: true, empty: true);
        Text(record.RemoteAddress, nameof(AuditRecord.RemoteAddress), AuditDbContext.RemoteAddressLength, nullable: true, empty: true);
        if (record.Action is null || record.Action.Length > AuditDbContext.ActionLength || !ActionName().IsMatch(record.Action))
        {
            throw new ArgumentException(
                $"AuditRecord.Action must be lower-case dotted words of at most {AuditDbContext.ActionLength} characters, module first (e.g. access.user.created); got '{record.Action}'.",
                nameof(record));
        }

        return new AuditEntry
        {
            ActorKind = kind,
            ActorId = record.ActorId,
            ClientId = record.ClientId,
            OrganisationId = record.OrganisationId,
            Action = record.Action,
            EntityType = record.EntityType,
            EntityId = record.EntityId,
            ChangeDigest = AuditDigest.Of(record.Change),
            RemoteAddress = record.RemoteAddress,
            PreviousHash = AuditHash.Genesis,
            Hash = "",
        };
    }

    /// <summary>
    /// Null only where allowed; within the column's length; no control characters (a line break in an id is log
    /// forging, and PostgreSQL refuses NUL where SQLite would store it); well-formed UTF-16 (a lone surrogate has no
    /// UTF-8 encoding, so it could not be hashed unambiguously).
    /// </summary>
    private static void Text(string? value, string field, int maxLength, bool nullable, bool empty)
    {
        if (value is null)
        {
            if (!nullable)
            {
                throw new ArgumentException($"AuditRecord.{field} is required.", "record");
            }

            return;
        }

        if (!empty && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"AuditRecord.{field} is required.", "record");
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"AuditRecord.{field} is longer than {maxLength} characters.", "record");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException($"AuditRecord.{field} contains a control character at position {i + 1}.", "record");
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"AuditRecord.{field} contains an unpaired surrogate at position {i + 1}.", "record");
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionName();
}
