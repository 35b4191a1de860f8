using Caravan.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Platform.Messaging;

/// <summary>
/// Something others must hear about: written in the same transaction as the change it reports, delivered afterwards
/// (feed, webhooks, NATS) at least once, each copy carrying the same <see cref="OutboxReceipt.MessageId"/>.
/// </summary>
/// <param name="Type">Lower-case, dotted: <c>control.created</c>, <c>consignment.amended</c> (docs/api/events.md).</param>
/// <param name="SubjectId">What it is about (a consignment id).</param>
/// <param name="Payload">Serialised as JSON (web defaults: camelCase).</param>
/// <param name="Countries">The administrations it concerns: they see it in their feed and on their webhooks.</param>
/// <param name="Organisation">The trader organisation it concerns, if any.</param>
public sealed record OutboxMessage(string Type, string SubjectId, object Payload, IReadOnlyCollection<string> Countries, Guid? Organisation);

public sealed record OutboxReceipt(Guid MessageId, long Sequence);

/// <summary>
/// An event type a module publishes, with the record its payload is: webhooks are checked against these, and the
/// OpenAPI document describes each payload. Register with <see cref="MessagingServiceCollectionExtensions.AddEventType{TPayload}"/>.
/// </summary>
public sealed record EventTypeRegistration(string Type, Type Payload, string Description);

public interface IOutbox
{
    /// <summary>
    /// Adds the message inside the transaction the caller has begun on <paramref name="participant"/>, on the same
    /// connection: the change and the message commit together or not at all.
    /// </summary>
    Task<OutboxReceipt> EnqueueAsync(OutboxMessage message, DbContext participant, CancellationToken cancellationToken = default);

    /// <summary>Several messages of one change (e.g. a control per country), in one write, in the order given.</summary>
    Task<IReadOnlyList<OutboxReceipt>> EnqueueAsync(IReadOnlyList<OutboxMessage> messages, DbContext participant, CancellationToken cancellationToken = default);
}

/// <summary>One event of the feed, as subscribers receive it (feed page, webhook body, NATS message).</summary>
/// <param name="Position">Its place in the feed: increasing, without gaps; resume with <c>after=</c> this.</param>
/// <param name="Id">The message id: the same for every copy of the event; receivers de-duplicate on it.</param>
/// <param name="TraceParent">
/// The W3C trace context of the operation that wrote the event: not in the body (the feed and webhook contract is
/// unchanged) but sent as the <c>traceparent</c> header of its NATS messages, and linked from the platform's spans.
/// </param>
public sealed record FeedEvent(long Position, Guid Id, string Type, string SubjectId, DateTimeOffset OccurredAt, IReadOnlyList<string> Countries, Guid? Organisation, System.Text.Json.JsonElement Payload,
    [property: System.Text.Json.Serialization.JsonIgnore] string? TraceParent = null);

/// <param name="Next">The cursor for the next page (the last position returned, or the one asked for when empty).</param>
public sealed record FeedPage(IReadOnlyList<FeedEvent> Events, long Next);

/// <summary>How events are flowing, for operators (<c>GET /api/v1/messaging/status</c>, page <c>/admin/messaging</c>).</summary>
public interface IMessagingStatus
{
    Task<MessagingStatus> ReadAsync(CancellationToken cancellationToken);
}

/// <param name="Outbox">Events committed and waiting for dispatch, and the feed's last position.</param>
/// <param name="Consumers">Each consumer inside the platform, with how far behind the feed it is.</param>
/// <param name="Webhooks">Active subscriptions and their deliveries still pending or dead.</param>
/// <param name="NatsStream">The JetStream stream events are published to, or null when NATS is not configured.</param>
/// <param name="LastDispatchFailure">Why this instance's last dispatch attempt failed, or null when it succeeded.</param>
public sealed record MessagingStatus(OutboxStatus Outbox, IReadOnlyList<ConsumerStatus> Consumers, WebhookStatus Webhooks, string? NatsStream, string? LastDispatchFailure);

/// <param name="Waiting">Committed events without a feed position yet.</param>
/// <param name="OldestWaitingSince">When the oldest of them was committed.</param>
/// <param name="LastPosition">The feed's last position (0 when nothing was dispatched).</param>
/// <param name="LastDispatchedAt">When that event was dispatched.</param>
/// <param name="Late">
/// The oldest waiting event has waited longer than <c>Caravan:Messaging:DispatchLagWarningSeconds</c> (60 s): the rule
/// by which <c>/health/ready</c> turns Degraded.
/// </param>
public sealed record OutboxStatus(int Waiting, DateTimeOffset? OldestWaitingSince, long LastPosition, DateTimeOffset? LastDispatchedAt, bool Late);

/// <param name="Behind">Feed positions after its cursor (events it has still to read).</param>
/// <param name="UpdatedAt">When its cursor last moved; null before it has read anything.</param>
public sealed record ConsumerStatus(string Name, long Position, long Behind, DateTimeOffset? UpdatedAt);

/// <param name="Troubled">Webhooks whose endpoint is failing: with deliveries being retried or dead, worst first.</param>
public sealed record WebhookStatus(int ActiveSubscriptions, int Pending, int Dead, IReadOnlyList<WebhookTrouble> Troubled);

/// <param name="Retrying">Pending deliveries that have failed at least once.</param>
/// <param name="Dead">Deliveries in the dead-letter list (replay them with <c>POST /api/v1/webhooks/deliveries/{id}/replay</c>).</param>
/// <param name="LastError">What the latest failed attempt met (HTTP status, timeout, connection refused…).</param>
public sealed record WebhookTrouble(Guid Webhook, Guid Organisation, string Url, bool Active, int Retrying, int Dead, string? LastError);

/// <summary>The messaging permissions (granted by the kernel, as every module's are).</summary>
public static class MessagingPermissions
{
    /// <summary>Read the event feed of one's own country or organisation.</summary>
    public static readonly Permission ReadFeed = new("messaging.feed.read");

    /// <summary>See how events flow: the outbox backlog, each consumer's cursor, webhook deliveries (platform-wide only).</summary>
    public static readonly Permission ViewStatus = new("messaging.status.view");

    /// <summary>Register webhooks for one's own country or organisation, see and replay their deliveries.</summary>
    public static readonly Permission ManageWebhooks = new("messaging.webhooks.manage");
}

internal sealed class MessagingRolePermissions : IRolePermissions
{
    public IEnumerable<(string Role, Permission Permission)> Grants() =>
    [
        (Roles.NationalSystem, MessagingPermissions.ReadFeed),
        (Roles.NationalSystem, MessagingPermissions.ManageWebhooks),
        (Roles.Trader, MessagingPermissions.ReadFeed),
        (Roles.Trader, MessagingPermissions.ManageWebhooks),
        (Roles.CustomsOfficer, MessagingPermissions.ReadFeed),
        (Roles.Administrator, MessagingPermissions.ReadFeed),
        (Roles.Administrator, MessagingPermissions.ViewStatus),
    ];
}
