using Caravan.Platform.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caravan.Platform.Messaging;

/// <summary>
/// A consumer inside the platform (notifications, projections) that reads the dispatched events in feed order from
/// a cursor kept under its <see cref="Name"/>: it resumes where it stopped after a restart, and with several
/// instances one of them reads at a time. Delivery is at least once: a handler must tolerate an event it has seen
/// (each carries its id).
/// </summary>
public interface IEventConsumer
{
    /// <summary>The durable name of the consumer's cursor, e.g. <c>trade.notifications</c>.</summary>
    string Name { get; }

    /// <summary>The event types it wants; the cursor moves past the others without calling it.</summary>
    IReadOnlySet<string> Types { get; }

    Task HandleAsync(IReadOnlyList<FeedEvent> events, CancellationToken cancellationToken);
}

/// <summary>Where a consumer has read to.</summary>
internal sealed class ConsumerCursor
{
    public required string Name { get; set; }

    public long Position { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>Runs every registered <see cref="IEventConsumer"/> behind the dispatcher, batch by batch.</summary>
internal sealed partial class EventConsumerRunner(IServiceScopeFactory scopes, StartupState startup, MessagingTelemetry telemetry, TimeProvider clock, IConfiguration configuration, ILogger<EventConsumerRunner> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue(OutboxDispatcher.IntervalSetting, 200));
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            if (startup.Completed && startup.Failure is null)
            {
                try
                {
                    // A batch in flight is finished, not cancelled, when the host stops: cut off mid-transaction on
                    // PostgreSQL it could still hold its consumer's lock when the shutdown drain asks for it.
                    busy = await RunOnceAsync(CancellationToken.None) > 0;
                }
                catch (Exception e)
                {
                    telemetry.ConsumerFailed(e);
                    LogFailed(logger, e);
                }
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(interval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private ShutdownDrain? _shutdown;

    /// <summary>
    /// At shutdown, after the loop has stopped and after the dispatcher has dispatched what was left (this runner is
    /// registered before it, so it stops after it): hands the consumers the rest, so projections and notifications are
    /// current when the instance is gone.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await LazyInitializer.EnsureInitialized(ref _shutdown, () => new ShutdownDrain(startup, RunOnceAsync, e => LogDrainFailed(logger, e))).RunAsync(cancellationToken);
    }

    /// <summary>One batch for every consumer; returns how many events the cursors moved over.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var moved = 0;
        foreach (var consumer in scope.ServiceProvider.GetServices<IEventConsumer>())
        {
            moved += await RunAsync(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), consumer, cancellationToken);
        }

        return moved;
    }

    private async Task<int> RunAsync(MessagingDbContext db, IEventConsumer consumer, CancellationToken cancellationToken)
    {
        // On PostgreSQL a transaction holds the consumer's lock, so that one instance reads at a time. SQLite runs one
        // instance and has one writer: a transaction held here would block the handler's own write.
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (transaction is not null)
        {
            var key = LockKey(consumer.Name);
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return 0;
            }
        }

        var cursor = await db.Cursors.SingleOrDefaultAsync(c => c.Name == consumer.Name, cancellationToken);
        if (cursor is null)
        {
            cursor = new ConsumerCursor { Name = consumer.Name };
            db.Cursors.Add(cursor);
        }

        var from = cursor.Position;
        var entries = await db.Outbox.AsNoTracking().Where(e => e.Position != null && e.Position > from).OrderBy(e => e.Position).Take(BatchSize).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var wanted = entries.Where(e => consumer.Types.Contains(e.Type)).Select(OutboxDispatcher.ToFeedEvent).ToList();
        if (wanted.Count > 0)
        {
            using var activity = MessagingTelemetry.Activities.StartActivity($"consume {consumer.Name}", System.Diagnostics.ActivityKind.Consumer, parentContext: default, links: MessagingTelemetry.LinksTo(wanted.Select(e => e.TraceParent)));
            activity?.SetTag("messaging.batch.message_count", wanted.Count);
            await consumer.HandleAsync(wanted, cancellationToken);
        }

        // After the handler has committed its own work: a crash in between hands it the batch again, never skips it.
        cursor.Position = entries[^1].Position!.Value;
        cursor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        telemetry.Consumed(consumer.Name, entries.Count);
        return entries.Count;
    }

    /// <summary>A stable 64-bit lock key per consumer name (FNV-1a), apart from the dispatcher's and the sender's.</summary>
    internal static long LockKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "consumer:" + name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)hash;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing the consumers the rest of the feed at shutdown failed; the next instance to start goes on from their cursors.")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An event consumer failed; its cursor stays and the batch is handed to it again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
