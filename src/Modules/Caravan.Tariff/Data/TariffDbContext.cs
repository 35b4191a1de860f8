using Caravan.Platform.Persistence;
using Caravan.Tariff.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Tariff.Data;

/// <summary>The tables the Tariff module owns.</summary>
internal class TariffDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "tariff";

    public DbSet<TariffLine> Lines => Set<TariffLine>();

    public DbSet<Requirement> Requirements => Set<Requirement>();

    public DbSet<ExchangeRate> Rates => Set<ExchangeRate>();

    public DbSet<TariffImport> Imports => Set<TariffImport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TariffLine>(e =>
        {
            e.ToTable("tariff_lines");
            e.HasKey(l => l.Id);
            e.Property(l => l.Schedule).HasMaxLength(8);
            e.Property(l => l.Line).HasMaxLength(10);
            e.Property(l => l.Hs6).HasMaxLength(6);
            e.Property(l => l.Description).HasMaxLength(1000);
            e.Property(l => l.AdValoremPercent).HasPrecision(9, 4);
            e.Property(l => l.SpecificAmount).HasPrecision(18, 6);
            e.Property(l => l.SpecificCurrency).HasMaxLength(3);
            e.Property(l => l.SpecificUnit).HasMaxLength(3);
            e.Property(l => l.Compound).HasMaxLength(8);
            e.Property(l => l.VatPercent).HasPrecision(9, 4);
            e.Property(l => l.VatByCountry).HasMaxLength(100);
            e.Property(l => l.LegalSource).HasMaxLength(500);
            e.HasIndex(l => new { l.Schedule, l.Line, l.ValidFrom }).IsUnique();
            e.HasIndex(l => new { l.Schedule, l.Hs6 });
        });

        modelBuilder.Entity<Requirement>(e =>
        {
            e.ToTable("requirements");
            e.HasKey(r => r.Id);
            e.Property(r => r.Country).HasMaxLength(2);
            e.Property(r => r.Direction).HasMaxLength(8);
            e.Property(r => r.HsFrom).HasMaxLength(10);
            e.Property(r => r.HsTo).HasMaxLength(10);
            e.Property(r => r.Kind).HasMaxLength(32);
            e.Property(r => r.Title).HasMaxLength(500);
            e.Property(r => r.LegalSource).HasMaxLength(500);
            e.HasIndex(r => new { r.Country, r.Direction, r.HsFrom, r.HsTo, r.Kind, r.ValidFrom }).IsUnique();
        });

        modelBuilder.Entity<ExchangeRate>(e =>
        {
            e.ToTable("exchange_rates");
            e.HasKey(r => r.Id);
            e.Property(r => r.Currency).HasMaxLength(3);
            e.Property(r => r.QuoteCurrency).HasMaxLength(3);
            e.Property(r => r.Rate).HasPrecision(24, 10);
            e.Property(r => r.Source).HasMaxLength(300);
            e.HasIndex(r => new { r.Currency, r.QuoteCurrency, r.Date }).IsUnique();
        });

        modelBuilder.Entity<TariffImport>(e =>
        {
            e.ToTable("imports");
            e.HasKey(i => i.Id);
            e.Property(i => i.File).HasMaxLength(300);
            e.Property(i => i.Kind).HasMaxLength(16);
            e.Property(i => i.Sha256).HasMaxLength(64);
            e.Property(i => i.ImportedBy).HasMaxLength(200);
        });
    }
}

internal sealed class SqliteTariffDbContext(DbContextOptions<SqliteTariffDbContext> options) : TariffDbContext(options)
{
    // SQLite cannot order or compare DateTimeOffset text or decimals; stored as sortable numbers, queries work alike.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

internal sealed class PostgresTariffDbContext(DbContextOptions<PostgresTariffDbContext> options) : TariffDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteTariffDesignTimeFactory() : SqliteDesignTimeFactory<SqliteTariffDbContext>(TariffDbContext.Module);

internal sealed class PostgresTariffDesignTimeFactory() : PostgresDesignTimeFactory<PostgresTariffDbContext>(TariffDbContext.Module);
