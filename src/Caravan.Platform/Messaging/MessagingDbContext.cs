using Caravan.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Caravan.Platform.Messaging;

/// <summary>A message waiting for, or past, dispatch.</summary>
internal sealed class OutboxEntry
{
    /// <summary>Order of insertion (not of commit).</summary>
    public long Sequence { get; set; }

    public Guid MessageId { get; set; }

    public required string Type { get; set; }

    public required string SubjectId { get; set; }

    /// <summary>The countries concerned, as ",KZ,UZ," so that a country is found by a plain text match.</summary>
    public required string Countries { get; set; }

    public Guid? Organisation { get; set; }

    public required string Payload { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>Its place in the feed, given at dispatch: increasing and gap-free in the order of dispatch.</summary>
    public long? Position { get; set; }

    public DateTime? DispatchedAt { get; set; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the operation that wrote it (the lodging or decision request), so that its
    /// dispatch, its NATS messages and the consumers' work are tied to that trace; null when none was running.
    /// </summary>
    public string? TraceParent { get; set; }
}

/// <summary>An organisation's webhook: where to post which events, and the secret the bodies are signed with.</summary>
internal sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    public Guid Organisation { get; set; }

    /// <summary>Events of this country (an administration's system)…</summary>
    public string? Country { get; set; }

    /// <summary>…or of this trader organisation.</summary>
    public Guid? ForOrganisation { get; set; }

    public required string Url { get; set; }

    /// <summary>Comma-separated event types, or "*".</summary>
    public required string EventTypes { get; set; }

    /// <summary>The signing secret, encrypted with ASP.NET Core Data Protection (never stored in clear).</summary>
    public required string ProtectedSecret { get; set; }

    public bool Active { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>One event for one webhook: attempts, the next one, and how it ended.</summary>
internal sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public long Position { get; set; }

    /// <summary>pending, delivered or dead.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }
}

/// <summary>The kernel's messaging tables (module name <c>messaging</c>): the outbox and webhooks.</summary>
internal class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "messaging";

    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();

    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    public DbSet<ConsumerCursor> Cursors => Set<ConsumerCursor>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcOrNull = new ValueConverter<DateTime?, DateTime?>(v => v, v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
        modelBuilder.Entity<OutboxEntry>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Sequence);
            e.Property(o => o.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(o => o.MessageId).IsUnique();
            e.Property(o => o.Type).HasMaxLength(64);
            e.Property(o => o.SubjectId).HasMaxLength(64);
            e.Property(o => o.Countries).HasMaxLength(64);
            e.Property(o => o.OccurredAt).HasConversion(utc);
            e.Property(o => o.DispatchedAt).HasConversion(utcOrNull);
            e.Property(o => o.TraceParent).HasMaxLength(64);
            e.HasIndex(o => o.Position).IsUnique();
        });

        modelBuilder.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("webhook_subscriptions");
            e.HasKey(w => w.Id);
            e.Property(w => w.Country).HasMaxLength(2);
            e.Property(w => w.Url).HasMaxLength(2000);
            e.Property(w => w.EventTypes).HasMaxLength(500);
            e.Property(w => w.ProtectedSecret).HasMaxLength(1000);
            e.Property(w => w.CreatedBy).HasMaxLength(200);
            e.Property(w => w.CreatedAt).HasConversion(utc);
            e.HasIndex(w => w.Organisation);
        });

        modelBuilder.Entity<ConsumerCursor>(e =>
        {
            e.ToTable("consumer_cursors");
            e.HasKey(c => c.Name);
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.UpdatedAt).HasConversion(utc);
        });

        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Status).HasMaxLength(16);
            e.Property(d => d.LastError).HasMaxLength(500);
            e.Property(d => d.NextAttemptAt).HasConversion(utc);
            e.Property(d => d.DeliveredAt).HasConversion(utcOrNull);
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.SubscriptionId, d.Position }).IsUnique();
        });
    }
}

internal sealed class SqliteMessagingDbContext(DbContextOptions<SqliteMessagingDbContext> options) : MessagingDbContext(options);

internal sealed class PostgresMessagingDbContext(DbContextOptions<PostgresMessagingDbContext> options) : MessagingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteMessagingDesignTimeFactory() : SqliteDesignTimeFactory<SqliteMessagingDbContext>(MessagingDbContext.Module);

internal sealed class PostgresMessagingDesignTimeFactory() : PostgresDesignTimeFactory<PostgresMessagingDbContext>(MessagingDbContext.Module);
