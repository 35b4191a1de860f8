using Caravan.Origin.Domain;
using Caravan.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Origin.Data;

/// <summary>The tables the Origin module owns.</summary>
internal class OriginDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "origin";

    public DbSet<IssuingBody> Issuers => Set<IssuingBody>();

    public DbSet<SigningKey> Keys => Set<SigningKey>();

    public DbSet<CertificateApplication> Applications => Set<CertificateApplication>();

    public DbSet<ApplicationStep> Steps => Set<ApplicationStep>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<CertificateStatusChange> StatusChanges => Set<CertificateStatusChange>();

    public DbSet<StatusList> StatusLists => Set<StatusList>();

    public DbSet<ControlVerification> Verifications => Set<ControlVerification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IssuingBody>(e =>
        {
            e.ToTable("issuing_bodies");
            e.HasKey(i => i.Id);
            e.Property(i => i.Slug).HasMaxLength(60);
            e.Property(i => i.Did).HasMaxLength(300);
            e.Property(i => i.Name).HasMaxLength(300);
            e.Property(i => i.Country).HasMaxLength(2);
            e.Property(i => i.NextStatusIndex).IsConcurrencyToken();
            e.HasIndex(i => i.Slug).IsUnique();
            e.HasIndex(i => i.Did).IsUnique();
        });

        modelBuilder.Entity<SigningKey>(e =>
        {
            e.ToTable("signing_keys");
            e.HasKey(k => k.Kid);
            e.Property(k => k.Kid).HasMaxLength(340);
            e.Property(k => k.X).HasMaxLength(64);
            e.Property(k => k.Y).HasMaxLength(64);
            e.Property(k => k.RevocationReason).HasMaxLength(500);
            e.HasIndex(k => k.IssuerId);
        });

        modelBuilder.Entity<CertificateApplication>(e =>
        {
            e.ToTable("applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Number).HasMaxLength(40);
            e.Property(a => a.State).HasMaxLength(24);
            e.Property(a => a.ConsignmentReference).HasMaxLength(40);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => a.Number).IsUnique();
            e.HasIndex(a => new { a.IssuerId, a.State });
            e.HasIndex(a => a.ExporterOrganisation);
            e.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ApplicationStep>(e =>
        {
            e.ToTable("application_steps");
            e.HasKey(s => s.Id);
            e.Property(s => s.By).HasMaxLength(200);
            e.Property(s => s.Action).HasMaxLength(32);
            e.Property(s => s.Reason).HasMaxLength(1000);
        });

        modelBuilder.Entity<Certificate>(e =>
        {
            e.ToTable("certificates");
            e.HasKey(c => c.Id);
            e.Property(c => c.Number).HasMaxLength(40);
            e.Property(c => c.ImportingCountry).HasMaxLength(2);
            e.Property(c => c.Kid).HasMaxLength(340);
            e.Property(c => c.Status).HasMaxLength(16);
            e.Property(c => c.StatusReason).HasMaxLength(500);
            e.HasIndex(c => c.Number).IsUnique();
            e.HasIndex(c => new { c.IssuerId, c.StatusIndex }).IsUnique();
            e.HasIndex(c => c.ExporterOrganisation);
            e.HasIndex(c => c.ConsignmentId);
            e.HasIndex(c => c.ImportingCountry);
        });

        modelBuilder.Entity<CertificateStatusChange>(e =>
        {
            e.ToTable("certificate_status_changes");
            e.HasKey(s => s.Id);
            e.Property(s => s.By).HasMaxLength(200);
            e.Property(s => s.From).HasMaxLength(16);
            e.Property(s => s.To).HasMaxLength(16);
            e.Property(s => s.Reason).HasMaxLength(500);
            e.HasIndex(s => s.CertificateId);
        });

        modelBuilder.Entity<StatusList>(e =>
        {
            e.ToTable("status_lists");
            e.HasKey(s => new { s.IssuerId, s.Purpose });
            e.Property(s => s.Purpose).HasMaxLength(16);
            e.Property(s => s.Revision).IsConcurrencyToken();
        });

        modelBuilder.Entity<ControlVerification>(e =>
        {
            e.ToTable("control_verifications");
            e.HasKey(v => v.Id);
            e.Property(v => v.Country).HasMaxLength(2);
            e.Property(v => v.By).HasMaxLength(200);
            e.Property(v => v.Verdict).HasMaxLength(16);
            e.HasIndex(v => new { v.ControlId, v.At });
            e.HasIndex(v => v.CertificateId);
        });
    }
}

internal sealed class SqliteOriginDbContext(DbContextOptions<SqliteOriginDbContext> options) : OriginDbContext(options)
{
    // SQLite cannot order or compare DateTimeOffset text; stored as a sortable number, queries by time work alike.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
}

internal sealed class PostgresOriginDbContext(DbContextOptions<PostgresOriginDbContext> options) : OriginDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteOriginDesignTimeFactory() : SqliteDesignTimeFactory<SqliteOriginDbContext>(OriginDbContext.Module);

internal sealed class PostgresOriginDesignTimeFactory() : PostgresDesignTimeFactory<PostgresOriginDbContext>(OriginDbContext.Module);
