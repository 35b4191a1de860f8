using Caravan.Platform.Persistence;
using Caravan.Risk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Risk.Data;

/// <summary>The tables the Risk module owns.</summary>
internal class RiskDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "risk";

    public DbSet<ProfileVersion> Profiles => Set<ProfileVersion>();

    public DbSet<EconomicOperator> Operators => Set<EconomicOperator>();

    public DbSet<RecognitionArrangement> Arrangements => Set<RecognitionArrangement>();

    public DbSet<SharedAlert> Alerts => Set<SharedAlert>();

    public DbSet<AlertAcknowledgement> Acknowledgements => Set<AlertAcknowledgement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProfileVersion>(e =>
        {
            e.ToTable("profile_versions");
            e.HasKey(p => p.Id);
            e.Property(p => p.Country).HasMaxLength(2);
            e.Property(p => p.State).HasMaxLength(16);
            e.Property(p => p.Note).HasMaxLength(500);
            e.Property(p => p.CreatedBy).HasMaxLength(200);
            e.Property(p => p.PublishedBy).HasMaxLength(200);
            e.HasIndex(p => new { p.Country, p.Version }).IsUnique();
            // At most one active version per country, even when two analysts publish at the same moment.
            e.HasIndex(p => p.Country).IsUnique().HasFilter("\"State\" = 'active'").HasDatabaseName("IX_profile_versions_active");
        });

        modelBuilder.Entity<EconomicOperator>(e =>
        {
            e.ToTable("economic_operators");
            e.HasKey(o => o.Id);
            e.Property(o => o.Country).HasMaxLength(2);
            e.Property(o => o.CertificateNumber).HasMaxLength(60);
            e.Property(o => o.Status).HasMaxLength(16);
            e.Property(o => o.StatusReason).HasMaxLength(500);
            e.HasIndex(o => new { o.Country, o.CertificateNumber }).IsUnique();
            e.HasIndex(o => o.Organisation);
        });

        modelBuilder.Entity<RecognitionArrangement>(e =>
        {
            e.ToTable("recognition_arrangements");
            e.HasKey(a => a.Id);
            e.Property(a => a.CountryA).HasMaxLength(2);
            e.Property(a => a.CountryB).HasMaxLength(2);
            e.Property(a => a.Title).HasMaxLength(300);
            e.HasIndex(a => new { a.CountryA, a.CountryB });
        });

        modelBuilder.Entity<SharedAlert>(e =>
        {
            e.ToTable("shared_alerts");
            e.HasKey(a => a.Id);
            e.Property(a => a.FromCountry).HasMaxLength(2);
            e.Property(a => a.ToCountries).HasMaxLength(40);
            e.Property(a => a.Summary).HasMaxLength(500);
            e.Property(a => a.HsFrom).HasMaxLength(6);
            e.Property(a => a.HsTo).HasMaxLength(6);
            e.Property(a => a.RouteCountry).HasMaxLength(2);
            e.Property(a => a.CountryOfOrigin).HasMaxLength(2);
            e.Property(a => a.CreatedBy).HasMaxLength(200);
            e.HasMany(a => a.Acknowledgements).WithOne().HasForeignKey(k => k.AlertId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AlertAcknowledgement>(e =>
        {
            e.ToTable("alert_acknowledgements");
            e.HasKey(k => k.Id);
            e.Property(k => k.Country).HasMaxLength(2);
            e.Property(k => k.Action).HasMaxLength(32);
            e.Property(k => k.Note).HasMaxLength(500);
            e.Property(k => k.By).HasMaxLength(200);
        });
    }
}

internal sealed class SqliteRiskDbContext(DbContextOptions<SqliteRiskDbContext> options) : RiskDbContext(options)
{
    // SQLite cannot order or compare DateTimeOffset text; stored as a sortable number, queries by time work alike.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
}

internal sealed class PostgresRiskDbContext(DbContextOptions<PostgresRiskDbContext> options) : RiskDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteRiskDesignTimeFactory() : SqliteDesignTimeFactory<SqliteRiskDbContext>(RiskDbContext.Module);

internal sealed class PostgresRiskDesignTimeFactory() : PostgresDesignTimeFactory<PostgresRiskDbContext>(RiskDbContext.Module);
