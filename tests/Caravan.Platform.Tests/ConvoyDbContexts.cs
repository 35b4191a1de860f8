using Microsoft.EntityFrameworkCore;

namespace Caravan.Platform.Tests;

/// <summary>
/// A stand-in for a module's database: one model and one subclass per provider, the shape
/// <c>AddModuleDbContext</c> expects, so the kernel is tested without any real module.
/// </summary>
internal class ConvoyDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "convoy";

    public DbSet<Convoy> Convoys => Set<Convoy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Convoy>(e =>
        {
            e.ToTable("convoys");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(64);
        });
    }
}

internal sealed class SqliteConvoyDbContext(DbContextOptions<SqliteConvoyDbContext> options) : ConvoyDbContext(options);

internal sealed class PostgresConvoyDbContext(DbContextOptions<PostgresConvoyDbContext> options) : ConvoyDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class Convoy
{
    public int Id { get; set; }

    public required string Name { get; set; }
}
