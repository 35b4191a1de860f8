using Caravan.Reference.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Reference.Data;

/// <summary>The tables the Reference module owns. No other module reads them; they use the contracts.</summary>
internal class ReferenceDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "reference";

    public DbSet<Country> Countries => Set<Country>();

    public DbSet<CountryName> CountryNames => Set<CountryName>();

    public DbSet<HsSection> HsSections => Set<HsSection>();

    public DbSet<HsEntry> HsEntries => Set<HsEntry>();

    public DbSet<HsSynonym> HsSynonyms => Set<HsSynonym>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<BorderCrossing> BorderCrossings => Set<BorderCrossing>();

    public DbSet<ReferenceDataset> Datasets => Set<ReferenceDataset>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Country>(e =>
        {
            e.ToTable("countries");
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(2);
            e.Property(c => c.Iso3).HasMaxLength(3);
            e.Property(c => c.NumericCode).HasMaxLength(3);
            e.Property(c => c.Currency).HasMaxLength(3);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            e.Property(c => c.CustomsUnion).HasMaxLength(16);
            e.HasMany(c => c.Names).WithOne().HasForeignKey(n => n.CountryCode).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CountryName>(e =>
        {
            e.ToTable("country_names");
            e.HasKey(n => new { n.CountryCode, n.Language });
            e.Property(n => n.Language).HasMaxLength(16);
            e.Property(n => n.Name).HasMaxLength(128);
        });

        modelBuilder.Entity<HsSection>(e =>
        {
            e.ToTable("hs_sections");
            e.HasKey(s => s.Number);
            e.Property(s => s.Number).ValueGeneratedNever();
            e.Property(s => s.Roman).HasMaxLength(8);
            e.Property(s => s.NameEn).HasMaxLength(512);
            e.Property(s => s.NameRu).HasMaxLength(512);
            e.Property(s => s.NameZh).HasMaxLength(512);
        });

        modelBuilder.Entity<HsEntry>(e =>
        {
            e.ToTable("hs_entries");
            e.HasKey(h => h.Code);
            e.Property(h => h.Code).HasMaxLength(6);
            e.Property(h => h.ParentCode).HasMaxLength(6);
            e.Property(h => h.ChapterCode).HasMaxLength(2);
            e.Property(h => h.DescriptionEn).HasMaxLength(1024);
            e.Property(h => h.DescriptionRu).HasMaxLength(2048);
            e.Property(h => h.DescriptionZh).HasMaxLength(1024);
            e.Property(h => h.SearchEn).HasMaxLength(1024);
            e.Property(h => h.SearchRu).HasMaxLength(2048);
            e.HasOne<HsEntry>().WithMany().HasForeignKey(h => h.ParentCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<HsSection>().WithMany().HasForeignKey(h => h.SectionNumber).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(h => h.ParentCode);
            e.HasIndex(h => new { h.SectionNumber, h.Level });
        });

        modelBuilder.Entity<HsSynonym>(e =>
        {
            e.ToTable("hs_synonyms");
            e.HasKey(s => new { s.Code, s.Language });
            e.Property(s => s.Code).HasMaxLength(6);
            e.Property(s => s.Language).HasMaxLength(2);
            e.Property(s => s.Terms).HasMaxLength(2048);
            e.HasOne<HsEntry>().WithMany().HasForeignKey(s => s.Code).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Location>(e =>
        {
            e.ToTable("locations");
            e.HasKey(l => l.Locode);
            e.Property(l => l.Locode).HasMaxLength(5);
            e.Property(l => l.CountryCode).HasMaxLength(2);
            e.Property(l => l.Name).HasMaxLength(128);
            e.Property(l => l.NameAscii).HasMaxLength(128);
            e.Property(l => l.SubdivisionCode).HasMaxLength(8);
            e.Property(l => l.SubdivisionName).HasMaxLength(128);
            e.Property(l => l.Functions).HasMaxLength(128);
            e.Property(l => l.Status).HasMaxLength(4);
            e.Property(l => l.Iata).HasMaxLength(4);
            e.Property(l => l.Edition).HasMaxLength(16);
            e.HasIndex(l => l.CountryCode);
        });

        modelBuilder.Entity<BorderCrossing>(e =>
        {
            e.ToTable("border_crossings");
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).HasMaxLength(16);
            e.Property(b => b.Mode).HasConversion<string>().HasMaxLength(8);
            e.Property(b => b.NameZh).HasMaxLength(128);
            e.Property(b => b.Status).HasMaxLength(256);
            e.Property(b => b.CoordinatesReferTo).HasMaxLength(512);
            e.Property(b => b.CoordinatesSource).HasMaxLength(512);
            e.Property(b => b.Notes).HasMaxLength(4096);
            e.Property(b => b.Sources).HasMaxLength(4096);
            e.OwnsOne(b => b.SideA, side => ConfigureSide(side, "a"));
            e.OwnsOne(b => b.SideB, side => ConfigureSide(side, "b"));
            e.Navigation(b => b.SideA).IsRequired();
            e.Navigation(b => b.SideB).IsRequired();
        });

        modelBuilder.Entity<ReferenceDataset>(e =>
        {
            e.ToTable("datasets");
            e.HasKey(d => d.Name);
            e.Property(d => d.Name).HasMaxLength(64);
            e.Property(d => d.Version).HasMaxLength(64);
            e.Property(d => d.Edition).HasMaxLength(128);
        });
    }

    private static void ConfigureSide<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<T, CrossingSide> side, string suffix)
        where T : class
    {
        side.Property(s => s.CountryCode).HasColumnName($"country_{suffix}").HasMaxLength(2);
        side.Property(s => s.Name).HasColumnName($"name_{suffix}").HasMaxLength(256);
        side.Property(s => s.AdminArea).HasColumnName($"admin_area_{suffix}").HasMaxLength(256);
        side.Property(s => s.Locode).HasColumnName($"locode_{suffix}").HasMaxLength(5);
        side.HasIndex(s => s.CountryCode);
    }
}

/// <summary>The model on SQLite, with SQLite's migrations (Data/Migrations/Sqlite).</summary>
internal sealed class SqliteReferenceDbContext(DbContextOptions<SqliteReferenceDbContext> options) : ReferenceDbContext(options);

/// <summary>The model on PostgreSQL, in its own schema, with PostgreSQL's migrations (Data/Migrations/Postgres).</summary>
internal sealed class PostgresReferenceDbContext(DbContextOptions<PostgresReferenceDbContext> options) : ReferenceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}
