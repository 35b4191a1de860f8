using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Caravan.Platform.Audit;

/// <summary>
/// The audit log's one table. It belongs to the kernel (module name <c>audit</c>): on PostgreSQL schema
/// <c>audit</c>, on SQLite the history table <c>__migrations_audit</c> and a table name no module will take.
/// </summary>
internal class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "audit";

    public const string TableName = "audit_entries";

    // Field lengths, checked by the writer before anything is stored (SQLite does not enforce them, PostgreSQL
    // does: checking first keeps both providers refusing the same input in the same words).
    public const int IdLength = 128;
    public const int ActionLength = 128;
    public const int EntityTypeLength = 64;
    public const int RemoteAddressLength = 64;
    public const int HashLength = 64;

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // SQLite gives DateTime back as Unspecified; the instant is UTC on both providers.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable(TableName);
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.OccurredAt).HasConversion(utc);
            e.Property(a => a.ActorKind).HasMaxLength(16);
            e.Property(a => a.ActorId).HasMaxLength(IdLength);
            e.Property(a => a.ClientId).HasMaxLength(IdLength);
            e.Property(a => a.OrganisationId).HasMaxLength(IdLength);
            e.Property(a => a.Action).HasMaxLength(ActionLength);
            e.Property(a => a.EntityType).HasMaxLength(EntityTypeLength);
            e.Property(a => a.EntityId).HasMaxLength(IdLength);
            e.Property(a => a.ChangeDigest).HasMaxLength(HashLength);
            e.Property(a => a.RemoteAddress).HasMaxLength(RemoteAddressLength);
            e.Property(a => a.PreviousHash).HasMaxLength(HashLength);
            e.Property(a => a.Hash).HasMaxLength(HashLength);
            e.HasIndex(a => a.OccurredAt);
            e.HasIndex(a => a.ActorId);
            e.HasIndex(a => a.Action);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
        });
    }
}

/// <summary>The audit model on SQLite, with SQLite's migrations (Audit/Migrations/Sqlite).</summary>
internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

/// <summary>The audit model on PostgreSQL, in schema <c>audit</c>, with PostgreSQL's migrations (Audit/Migrations/Postgres).</summary>
internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}
