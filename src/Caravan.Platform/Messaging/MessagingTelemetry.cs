using System.Diagnostics;
using System.Diagnostics.Metrics;
using Caravan.Platform.Telemetry;

namespace Caravan.Platform.Messaging;

/// <summary>
/// What the outbox dispatcher and the consumers report: how many events went out and how long they waited (the
/// lag a national system sees between a decision and its event), failures, and a span per batch.
/// </summary>
internal sealed class MessagingTelemetry
{
    public static readonly ActivitySource Activities = new(CaravanTelemetry.Messaging);

    private readonly Counter<long> _dispatched;
    private readonly Histogram<double> _delay;
    private readonly Counter<long> _dispatchFailures;
    private readonly Counter<long> _consumed;
    private readonly Counter<long> _consumerFailures;
    private readonly Counter<long> _webhookAttempts;

    public MessagingTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(CaravanTelemetry.Messaging);
        _dispatched = meter.CreateCounter<long>("caravan.outbox.dispatched", "{event}", "Events given their feed position and handed to the sinks (webhooks, NATS).");
        _delay = meter.CreateHistogram<double>("caravan.outbox.dispatch_delay", "s", "Time from an event's commit to its dispatch.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        _dispatchFailures = meter.CreateCounter<long>("caravan.outbox.dispatch_failures", "{attempt}", "Dispatch attempts that failed (the batch stays and is tried again).");
        _consumed = meter.CreateCounter<long>("caravan.consumer.events", "{event}", "Events a consumer inside the platform has read past.");
        _consumerFailures = meter.CreateCounter<long>("caravan.consumer.failures", "{attempt}", "Batches a consumer failed on (handed to it again).");
        _webhookAttempts = meter.CreateCounter<long>("caravan.webhook.attempts", "{attempt}", "Webhook delivery attempts, by how they ended: delivered, retry (failed, tried again later) or dead.");
    }

    /// <summary>
    /// One link per distinct trace the batch's events came from: a batch serves many requests, so its span links to
    /// them rather than having one of them as parent (OpenTelemetry's messaging conventions for batches).
    /// </summary>
    public static IEnumerable<ActivityLink> LinksTo(IEnumerable<string?> traceParents) =>
        traceParents.Where(t => t is not null).Distinct(StringComparer.Ordinal)
            .Select(t => ActivityContext.TryParse(t, null, out var context) ? new ActivityLink(context) : default)
            .Where(l => l.Context != default).ToList();

    public void Dispatched(IReadOnlyList<OutboxEntry> entries, DateTime now)
    {
        foreach (var group in entries.GroupBy(e => e.Type))
        {
            _dispatched.Add(group.Count(), new KeyValuePair<string, object?>("caravan.event.type", group.Key));
        }

        foreach (var entry in entries)
        {
            _delay.Record(Math.Max(0, (now - entry.OccurredAt).TotalSeconds));
        }
    }

    public void DispatchFailed(Exception exception) =>
        _dispatchFailures.Add(1, new KeyValuePair<string, object?>("error.type", exception.GetType().FullName));

    public void Consumed(string consumer, int events) =>
        _consumed.Add(events, new KeyValuePair<string, object?>("caravan.consumer", consumer));

    public void WebhookAttempted(string outcome) =>
        _webhookAttempts.Add(1, new KeyValuePair<string, object?>("caravan.outcome", outcome));

    public void ConsumerFailed(Exception exception) =>
        _consumerFailures.Add(1, new KeyValuePair<string, object?>("error.type", exception.GetType().FullName));
}
