using Caravan.Access.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Access.Data;

/// <summary>The tables the Access module owns: organisations, the Identity user tables, grants, setup tokens.</summary>
internal class AccessDbContext(DbContextOptions options) : IdentityUserContext<CaravanUser, Guid>(options)
{
    public const string Module = "access";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<UserGrant> Grants => Set<UserGrant>();

    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<CaravanUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasIndex(u => u.OrganisationId);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        builder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(o => o.Name).HasMaxLength(300);
            e.Property(o => o.Country).HasMaxLength(2);
            e.Property(o => o.NationalIdentifier).HasMaxLength(32);
            e.Property(o => o.BorderCrossingId).HasMaxLength(16);
            e.HasIndex(o => new { o.Country, o.NationalIdentifier }).IsUnique();
            e.HasIndex(o => o.Kind);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<UserGrant>(e =>
        {
            e.ToTable("user_grants");
            e.HasKey(g => g.Id);
            e.Property(g => g.Role).HasMaxLength(64);
            e.Property(g => g.ScopeKind).HasConversion<string>().HasMaxLength(16);
            e.Property(g => g.ScopeId).HasMaxLength(64);
            e.Property(g => g.GrantedBy).HasMaxLength(200);
            e.HasIndex(g => new { g.UserId, g.Role, g.ScopeKind, g.ScopeId }).IsUnique();
            e.HasOne<CaravanUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        // OAuth clients (national customs systems, issuers' systems), their authorisations and tokens.
        builder.UseOpenIddict();

        builder.Entity<SetupToken>(e =>
        {
            e.ToTable("setup_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
        });
    }
}

internal sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options);

internal sealed class PostgresAccessDbContext(DbContextOptions<PostgresAccessDbContext> options) : AccessDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Module);
        base.OnModelCreating(builder);
    }
}
