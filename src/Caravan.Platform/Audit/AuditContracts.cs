using Microsoft.EntityFrameworkCore;

namespace Caravan.Platform.Audit;

/// <summary>Who did something.</summary>
public enum AuditActorKind
{
    /// <summary>A person signed in (stored as <c>user</c>).</summary>
    User,

    /// <summary>A machine client, e.g. another administration's system (stored as <c>client</c>).</summary>
    Client,

    /// <summary>The platform itself: a start-up task, an import, a scheduled job (stored as <c>system</c>).</summary>
    System,

    /// <summary>Nobody signed in: a public page or API call (stored as <c>anonymous</c>).</summary>
    Anonymous,
}

/// <summary>
/// One thing that happened, as a module reports it to the audit log.
/// <para>
/// <see cref="Change"/> is never stored: only the SHA-256 of its canonical JSON is (see
/// <see cref="AuditDigest"/>), so personal data in a change do not end up in the log, yet whoever holds the change
/// can prove it is the one that was audited.
/// </para>
/// </summary>
/// <param name="ActorKind">Who acted: a user, a client, the system, or an anonymous caller.</param>
/// <param name="ActorId">The user's or client's id, the system job's name; may be empty only for anonymous callers.</param>
/// <param name="Action">Lower-case dotted name, module first: <c>access.user.created</c>, <c>personal-data.read</c>.</param>
/// <param name="EntityType">What was acted on, e.g. <c>user</c>, <c>reference-dataset</c>.</param>
/// <param name="EntityId">Its id (may be empty when the action concerns no single entity).</param>
public sealed record AuditRecord(AuditActorKind ActorKind, string ActorId, string Action, string EntityType, string EntityId)
{
    /// <summary>The machine client through which a user acted, if any.</summary>
    public string? ClientId { get; init; }

    /// <summary>The organisation the actor acted for, if any.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>The change (any object System.Text.Json can serialise); only its digest is kept. Null digests as JSON <c>null</c>.</summary>
    public object? Change { get; init; }

    /// <summary>The caller's IP address as the host saw it, if the action came over the network.</summary>
    public string? RemoteAddress { get; init; }
}

/// <summary>What the log wrote: the entry's place in the chain, its time, and the hashes an auditor can check.</summary>
public sealed record AuditReceipt(long Sequence, DateTimeOffset OccurredAt, string ChangeDigest, string Hash);

/// <summary>The platform's tamper-evident, append-only log. Every module writes to it.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry in a transaction of its own; it is committed when the task completes.</summary>
    Task<AuditReceipt> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends an entry inside the transaction the caller has begun on <paramref name="participant"/>
    /// (<c>participant.Database.BeginTransactionAsync()</c>), on the same connection: the module's change and its
    /// audit entry commit together or not at all. Throws <see cref="InvalidOperationException"/> when the
    /// participant has no transaction. The participant must be on the platform database (where the audit table
    /// is). On PostgreSQL the chain stays locked for other writers until that transaction ends, so keep it short,
    /// and leave it at READ COMMITTED (the default): under REPEATABLE READ or SERIALIZABLE the last entry may be
    /// read from an older snapshot, and the append then fails on the taken sequence number (never forks the chain).
    /// </summary>
    Task<AuditReceipt> AppendAsync(AuditRecord record, DbContext participant, CancellationToken cancellationToken = default);
}

/// <summary>Which entries to list. Every filter is optional; they combine with AND.</summary>
public sealed record AuditFilter
{
    /// <summary>Exactly this actor id.</summary>
    public string? ActorId { get; init; }

    /// <summary>Actions starting with this text, e.g. <c>access.</c> or <c>access.user.</c> (actions are lower case).</summary>
    public string? ActionPrefix { get; init; }

    /// <summary>Exactly this entity type.</summary>
    public string? EntityType { get; init; }

    /// <summary>Exactly this entity id.</summary>
    public string? EntityId { get; init; }

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this instant.</summary>
    public DateTimeOffset? To { get; init; }
}

/// <summary>One stored entry, as an administrator browses it.</summary>
public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset OccurredAt,
    string ActorKind,
    string ActorId,
    string? ClientId,
    string? OrganisationId,
    string Action,
    string EntityType,
    string EntityId,
    string ChangeDigest,
    string? RemoteAddress,
    string PreviousHash,
    string Hash);

/// <summary>
/// A page of entries, newest first. <see cref="NextBefore"/> is the cursor of the next (older) page, or null when
/// this is the last one: pass it as <c>before</c>.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? NextBefore);

/// <summary>Why the chain is broken at an entry.</summary>
public enum AuditBreakReason
{
    /// <summary>The entry's stored hash is not the hash of its content: it was changed after it was written.</summary>
    HashMismatch,

    /// <summary>The entry does not point at the entry before it: that one was changed and re-hashed, or replaced.</summary>
    PreviousHashMismatch,

    /// <summary>The entry with this sequence number is missing: entries were deleted (or renumbered).</summary>
    SequenceGap,
}

/// <summary>
/// The result of recomputing the chain. <see cref="EntriesChecked"/> counts the entries found intact before the
/// first break (all of them when the chain is intact). <see cref="FirstBrokenSequence"/> names the first entry
/// that is not as it was written (for a gap: the first missing sequence number).
/// </summary>
public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenSequence, AuditBreakReason? Reason)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Browsing and checking the audit log (the admin pages, <c>caravan audit verify</c>).</summary>
public interface IAuditQuery
{
    /// <summary>
    /// Entries matching <paramref name="filter"/>, newest first, at most <paramref name="pageSize"/> (1–500) of
    /// them, with a sequence below <paramref name="before"/> when given (keyset paging: stable while entries are
    /// appended).
    /// </summary>
    Task<AuditPage> ListAsync(AuditFilter filter, long? before = null, int pageSize = 50, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recomputes every entry's hash in sequence order, in batches (never the whole log in memory), and stops at
    /// the first entry that is missing, altered, or does not point at the one before it.
    /// </summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
