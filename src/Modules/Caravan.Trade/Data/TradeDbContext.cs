using Caravan.Platform.Persistence;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Data;

/// <summary>The tables the Trade module owns.</summary>
internal class TradeDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "trade";

    public DbSet<Consignment> Consignments => Set<Consignment>();

    public DbSet<CustomsControl> Controls => Set<CustomsControl>();

    public DbSet<ControlDecision> Decisions => Set<ControlDecision>();

    public DbSet<BorderEvent> Events => Set<BorderEvent>();

    public DbSet<DeclarationVersion> Versions => Set<DeclarationVersion>();

    public DbSet<ControlAssessment> Assessments => Set<ControlAssessment>();

    public DbSet<TraderNotification> Notifications => Set<TraderNotification>();

    public DbSet<ControlReleaseTime> ReleaseTimes => Set<ControlReleaseTime>();

    public DbSet<ReleaseTimeTarget> ReleaseTargets => Set<ReleaseTimeTarget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Consignment>(e =>
        {
            e.ToTable("consignments");
            e.HasKey(c => c.Id);
            e.Property(c => c.Reference).HasMaxLength(24);
            e.HasIndex(c => c.Reference).IsUnique();
            e.Property(c => c.LodgedBy).HasMaxLength(200);
            e.Property(c => c.CountryOfDispatch).HasMaxLength(2);
            e.Property(c => c.CountryOfDestination).HasMaxLength(2);
            e.Property(c => c.Status).HasMaxLength(32);
            e.Property(c => c.IdempotencyKey).HasMaxLength(100);
            e.Property(c => c.RequestHash).HasMaxLength(64);
            e.HasIndex(c => new { c.LodgedByOrganisation, c.IdempotencyKey }).IsUnique();
            e.HasMany(c => c.Controls).WithOne().HasForeignKey(c => c.ConsignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Events).WithOne().HasForeignKey(v => v.ConsignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ConsignmentId).OnDelete(DeleteBehavior.Cascade);
            // Two amendments against the same version: the second finds the version moved and is refused (412).
            e.Property(c => c.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<DeclarationVersion>(e =>
        {
            e.ToTable("declaration_versions");
            e.HasKey(v => v.Id);
            e.Property(v => v.Kind).HasMaxLength(16);
            e.Property(v => v.RecordedBy).HasMaxLength(200);
            e.HasIndex(v => new { v.ConsignmentId, v.Version }).IsUnique();
        });

        modelBuilder.Entity<CustomsControl>(e =>
        {
            e.ToTable("customs_controls");
            e.HasKey(c => c.Id);
            e.Property(c => c.Country).HasMaxLength(2);
            e.Property(c => c.Role).HasMaxLength(16);
            e.Property(c => c.State).HasMaxLength(32);
            e.Property(c => c.EntryCrossingId).HasMaxLength(16);
            e.Property(c => c.ExitCrossingId).HasMaxLength(16);
            e.Property(c => c.Channel).HasMaxLength(8);
            e.HasIndex(c => new { c.Country, c.State });
            e.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.ControlId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Assessments).WithOne().HasForeignKey(a => a.ControlId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TraderNotification>(e =>
        {
            e.ToTable("trader_notifications");
            e.HasKey(n => n.Id);
            e.HasIndex(n => n.EventId).IsUnique();
            e.HasIndex(n => new { n.Organisation, n.OccurredAt });
            e.Property(n => n.Reference).HasMaxLength(24);
            e.Property(n => n.Kind).HasMaxLength(64);
            e.Property(n => n.Country).HasMaxLength(2);
            e.Property(n => n.What).HasMaxLength(40);
            e.Property(n => n.Detail).HasMaxLength(40);
        });

        modelBuilder.Entity<ControlReleaseTime>(e =>
        {
            e.ToTable("control_release_times");
            e.HasKey(r => r.ControlId);
            e.Property(r => r.ControlId).ValueGeneratedNever();
            e.Property(r => r.Reference).HasMaxLength(24);
            e.Property(r => r.Country).HasMaxLength(2);
            e.Property(r => r.Role).HasMaxLength(16);
            e.Property(r => r.CrossingId).HasMaxLength(16);
            e.Property(r => r.EntryCrossingId).HasMaxLength(16);
            e.Property(r => r.ExitCrossingId).HasMaxLength(16);
            e.Property(r => r.TransportMode).HasMaxLength(24);
            e.Property(r => r.Channel).HasMaxLength(8);
            e.Property(r => r.Outcome).HasMaxLength(16);
            e.HasIndex(r => r.ConsignmentId);
            e.HasIndex(r => new { r.CrossingId, r.LodgedAt });
            e.HasIndex(r => new { r.Country, r.LodgedAt });
            e.HasIndex(r => r.LodgedAt);
        });

        modelBuilder.Entity<ReleaseTimeTarget>(e =>
        {
            e.ToTable("release_time_targets");
            e.HasKey(t => new { t.Country, t.Channel });
            e.Property(t => t.Country).HasMaxLength(2);
            e.Property(t => t.Channel).HasMaxLength(8);
            e.Property(t => t.SetBy).HasMaxLength(200);
        });

        modelBuilder.Entity<ControlAssessment>(e =>
        {
            e.ToTable("control_assessments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Channel).HasMaxLength(8);
            e.HasIndex(a => new { a.ControlId, a.AssessedAt });
        });

        modelBuilder.Entity<BorderEvent>(e =>
        {
            e.ToTable("border_events");
            e.HasKey(v => v.Id);
            e.Property(v => v.Type).HasMaxLength(32);
            e.Property(v => v.Country).HasMaxLength(2);
            e.Property(v => v.CrossingId).HasMaxLength(16);
            e.Property(v => v.RecordedBy).HasMaxLength(200);
            // The same event reported twice (by a retry, or by both sides) is stored once.
            e.HasIndex(v => new { v.ConsignmentId, v.Type, v.Country, v.CrossingId, v.OccurredAt }).IsUnique();
        });

        modelBuilder.Entity<ControlDecision>(e =>
        {
            e.ToTable("control_decisions");
            e.HasKey(d => d.Id);
            e.Property(d => d.Decision).HasMaxLength(40);
            e.Property(d => d.ReasonCode).HasMaxLength(40);
            e.Property(d => d.Note).HasMaxLength(1000);
            e.Property(d => d.DecidedBy).HasMaxLength(200);
            e.Property(d => d.FromState).HasMaxLength(32);
            e.Property(d => d.ToState).HasMaxLength(32);
            e.Property(d => d.IdempotencyKey).HasMaxLength(100);
            e.Property(d => d.RequestHash).HasMaxLength(64);
            // A retried decision with the same message id is found, not applied again (NULLs do not collide).
            e.HasIndex(d => new { d.ControlId, d.IdempotencyKey }).IsUnique();
        });
    }
}

internal sealed class SqliteTradeDbContext(DbContextOptions<SqliteTradeDbContext> options) : TradeDbContext(options)
{
    // SQLite cannot order or compare DateTimeOffset text; stored as a sortable number, queries by time work alike.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
}

internal sealed class PostgresTradeDbContext(DbContextOptions<PostgresTradeDbContext> options) : TradeDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteTradeDesignTimeFactory() : SqliteDesignTimeFactory<SqliteTradeDbContext>(TradeDbContext.Module);

internal sealed class PostgresTradeDesignTimeFactory() : PostgresDesignTimeFactory<PostgresTradeDbContext>(TradeDbContext.Module);
