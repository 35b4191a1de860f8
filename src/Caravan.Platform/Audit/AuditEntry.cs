namespace Caravan.Platform.Audit;

/// <summary>
/// One link of the audit chain, as stored. Every field is plain text or a number so that verification works on
/// exactly what is in the database: an altered row is reported, never a crash while reading it.
/// </summary>
internal sealed class AuditEntry
{
    /// <summary>The position in the chain: 1, 2, 3, … without gaps, assigned by the writer under a lock.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to whole microseconds (what PostgreSQL's timestamptz keeps), so it reads back exactly.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary><c>user</c>, <c>client</c>, <c>system</c> or <c>anonymous</c>.</summary>
    public required string ActorKind { get; set; }

    public required string ActorId { get; set; }

    public string? ClientId { get; set; }

    public string? OrganisationId { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the change's canonical JSON; the change itself is not stored.</summary>
    public required string ChangeDigest { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>The <see cref="Hash"/> of the entry before; 64 zeros for the first entry.</summary>
    public required string PreviousHash { get; set; }

    /// <summary>SHA-256 (lower-case hex) of every other field, see <see cref="AuditHash"/>.</summary>
    public required string Hash { get; set; }
}
