using System.Diagnostics;
using System.Text.Json;
using Caravan.Platform.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caravan.Platform.Messaging;

/// <summary>Where dispatched events go besides the feed: webhooks, NATS JetStream.</summary>
internal interface IOutboxSink
{
    /// <summary>
    /// Hands a batch on, inside the dispatch transaction on <paramref name="db"/>. Throwing leaves the batch
    /// undispatched, to be tried again: sinks must tolerate seeing an event twice (they get its message id).
    /// </summary>
    Task DeliverAsync(IReadOnlyList<FeedEvent> batch, MessagingDbContext db, CancellationToken cancellationToken);
}

/// <summary>
/// Moves committed outbox entries into the feed, in batches, one dispatcher at a time (a PostgreSQL advisory lock
/// when several instances share a database): each gets the next feed position and goes to every sink in the same
/// transaction. A crash before the commit dispatches the batch again; nothing is lost.
/// </summary>
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, StartupState startup, DispatchStatus status, MessagingTelemetry telemetry, TimeProvider clock, IConfiguration configuration, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const string IntervalSetting = "Caravan:Messaging:DispatchIntervalMilliseconds";

    /// <summary>The advisory lock that makes one instance the dispatcher at a time ("CRVNOUTB").</summary>
    private const long DispatchLockKey = 0x4352564E4F555442;

    private const int BatchSize = 200;

    /// <summary>After failed attempts in a row the dispatcher waits longer, doubling up to this, not to flood the log.</summary>
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue(IntervalSetting, 200));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatched = 0;
            if (startup.Completed && startup.Failure is null)
            {
                try
                {
                    // A batch in flight is finished, not cancelled, when the host stops (see the shutdown drain).
                    dispatched = await DispatchBatchAsync(CancellationToken.None);
                    status.Succeeded();
                    failures = 0;
                }
                catch (Exception e)
                {
                    status.Failed(e);
                    telemetry.DispatchFailed(e);
                    LogFailed(logger, e, ++failures);
                }
            }

            if (dispatched < BatchSize)
            {
                // After failures: the interval doubled per failure (at most 64 times), up to MaxBackoff or the interval itself.
                var wait = failures == 0 ? interval : TimeSpan.FromTicks(Math.Min(Math.Max(MaxBackoff.Ticks, interval.Ticks), interval.Ticks * (1L << Math.Min(failures, 6))));
                try
                {
                    await Task.Delay(wait, clock, stoppingToken);
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
    /// At shutdown, after the loop has stopped: dispatches what is still waiting (until none is left, another instance
    /// holds the lock, an attempt fails, or the host's shutdown time runs out), so that a stopping instance leaves the
    /// feed and the consumers current instead of leaving its last events to whichever instance starts next.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await LazyInitializer.EnsureInitialized(ref _shutdown, () => new ShutdownDrain(startup, DispatchBatchAsync, e => LogDrainFailed(logger, e))).RunAsync(cancellationToken);
    }

    /// <summary>One batch: returns how many entries it dispatched (0 when another instance holds the lock).</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({DispatchLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
            if (!locked)
            {
                return 0;
            }
        }

        var entries = await db.Outbox.Where(e => e.Position == null).OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        using var activity = MessagingTelemetry.Activities.StartActivity("outbox dispatch", ActivityKind.Producer, parentContext: default, links: MessagingTelemetry.LinksTo(entries.Select(e => e.TraceParent)));
        activity?.SetTag("messaging.batch.message_count", entries.Count);
        var next = (await db.Outbox.MaxAsync(e => e.Position, cancellationToken) ?? 0) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            entry.Position = next++;
            entry.DispatchedAt = now;
        }

        var batch = entries.Select(ToFeedEvent).ToList();
        foreach (var sink in scope.ServiceProvider.GetServices<IOutboxSink>())
        {
            await sink.DeliverAsync(batch, db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        telemetry.Dispatched(entries, now);
        return entries.Count;
    }

    internal static FeedEvent ToFeedEvent(OutboxEntry e) => new(
        e.Position!.Value,
        e.MessageId,
        e.Type,
        e.SubjectId,
        new DateTimeOffset(e.OccurredAt, TimeSpan.Zero),
        e.Countries.Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.Organisation,
        JsonSerializer.Deserialize<JsonElement>(e.Payload),
        e.TraceParent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching the rest of the outbox at shutdown failed; the next instance to start dispatches it.")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching the outbox failed ({Failures} in a row); the batch stays undispatched and is tried again.")]
    private static partial void LogFailed(ILogger logger, Exception exception, int failures);
}
