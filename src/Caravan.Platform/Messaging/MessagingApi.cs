using System.Security.Cryptography;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Caravan.Platform.Messaging;

/// <param name="EventTypes">Event types to receive (docs/api/events.md), or ["*"] for all.</param>
public sealed record NewWebhook(string? Url, IReadOnlyList<string>? EventTypes);

/// <param name="Secret">Shown once, at registration: verify each body's signature with it (docs/api/webhooks.md).</param>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Country, Guid? ForOrganisation, bool Active, DateTimeOffset CreatedAt, string? Secret = null);

/// <param name="Status">pending, delivered or dead (the dead-letter list).</param>
public sealed record DeliveryView(Guid Id, Guid WebhookId, long Position, string EventType, Guid EventId, string Status, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError);

/// <summary>The event feed and webhooks, for national systems and traders' systems (issue 6).</summary>
public static class MessagingApi
{
    public static IEndpointRouteBuilder MapCaravanMessagingApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/feed", ReadFeed).WithTags("Exchange").WithName("ReadFeed")
            .WithSummary("Events of the caller's country or organisation in feed order, after a cursor (0 for the beginning). Resume from the last position you processed; every event carries its id for de-duplication.")
            .RequirePermission(MessagingPermissions.ReadFeed).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapGet("/messaging/status", ReadStatus).WithTags("Exchange").WithName("ReadMessagingStatus")
            .WithSummary("How events flow, for operators: committed events waiting for dispatch and since when, the feed's last position, each consumer inside the platform and how far behind it is, webhook deliveries pending and dead, NATS.")
            .RequirePermission(MessagingPermissions.ViewStatus).ProducesProblem(401).ProducesProblem(403);
        var hooks = api.MapGroup("/webhooks").WithTags("Exchange");
        hooks.MapPost("/", Register).WithName("RegisterWebhook")
            .WithSummary("Register an HTTPS endpoint for event types of the caller's country or organisation; the answer carries the signing secret, once.")
            .RequirePermission(MessagingPermissions.ManageWebhooks).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        hooks.MapGet("/", List).WithName("ListWebhooks").WithSummary("The caller's organisation's webhooks.")
            .RequirePermission(MessagingPermissions.ManageWebhooks).ProducesProblem(401).ProducesProblem(403);
        hooks.MapDelete("/{id}", Remove).WithName("RemoveWebhook").WithSummary("Stop a webhook; pending deliveries end in the dead-letter list.")
            .RequirePermission(MessagingPermissions.ManageWebhooks).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        hooks.MapGet("/{id}/deliveries", Deliveries).WithName("ListWebhookDeliveries")
            .WithSummary("A webhook's deliveries, newest first; status=dead lists the dead-letter list.")
            .RequirePermission(MessagingPermissions.ManageWebhooks).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        hooks.MapPost("/deliveries/{id}/replay", Replay).WithName("ReplayWebhookDelivery")
            .WithSummary("Send a dead delivery again (attempts start over).")
            .RequirePermission(MessagingPermissions.ManageWebhooks).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<Results<Ok<MessagingStatus>, ProblemHttpResult>> ReadStatus(Caller caller, IMessagingStatus status, CancellationToken ct) =>
        caller.HoldsPlatformWide(MessagingPermissions.ViewStatus)
            ? TypedResults.Ok(await status.ReadAsync(ct))
            : Problems.Forbidden("The messaging status covers every country's events: it is for platform-wide administrators.");

    private static async Task<Results<Ok<FeedPage>, ValidationProblem>> ReadFeed(long? after, int? limit, Caller caller, Feed feed, CancellationToken ct)
    {
        if (after is < 0)
        {
            return Problems.Invalid("after", "is a feed position, 0 or more (0 reads from the beginning).");
        }

        if (limit is < 1 or > Feed.MaxLimit)
        {
            return Problems.Invalid("limit", $"is from 1 to {Feed.MaxLimit} events (default 100).");
        }

        return TypedResults.Ok(await feed.ReadAsync(caller, after ?? 0, limit ?? 100, ct));
    }

    private static Guid? Organisation(Caller caller) => Guid.TryParse(caller.OrganisationId, out var id) ? id : null;

    private static async Task<Results<Created<WebhookView>, ValidationProblem, ProblemHttpResult>> Register(
        NewWebhook request, Caller caller, MessagingDbContext db, IDataProtectionProvider protection, IAuditLog audit, TimeProvider clock, IConfiguration configuration, IEnumerable<EventTypeRegistration> registrations, CancellationToken ct)
    {
        var eventTypes = registrations.Select(r => r.Type).ToList();
        var owner = Organisation(caller);
        var scopes = caller.ScopesFor(MessagingPermissions.ManageWebhooks).Where(s => s.Kind is ScopeKind.Country or ScopeKind.Organisation).ToList();
        if (owner is null || scopes.Count == 0)
        {
            return Problems.Forbidden("A webhook belongs to an organisation: register it as a national system or a trader's system.");
        }

        var errors = new Dictionary<string, string[]>();
        var allowHttp = WebhookSettings.From(configuration).AllowHttp;
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (allowHttp && url.Scheme == Uri.UriSchemeHttp)) || request.Url!.Length > 2000 || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors["url"] = [allowHttp ? "an absolute http(s) URL of at most 2000 characters, without credentials." : "an absolute https URL of at most 2000 characters, without credentials: events carry trade data."];
        }

        else if (!WebhookSettings.From(configuration).AllowPrivateNetworks
                 && (url!.IsLoopback || url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && System.Net.IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && WebhookSettings.IsPrivate(ip)))
        {
            errors["url"] = ["points into a private or loopback network; a webhook goes to a national system's public endpoint."];
        }

        var types = request.EventTypes ?? [];
        if (types.Count == 0)
        {
            errors["eventTypes"] = [$"name the event types to receive, or [\"*\"] for all: {string.Join(", ", eventTypes)}."];
        }

        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] != "*" && !eventTypes.Contains(types[i]))
            {
                errors[$"eventTypes[{i}]"] = [$"'{Reference(types[i])}' is not an event type; use one of {string.Join(", ", eventTypes)}, or *."];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var scope = scopes[0];
        var row = new WebhookSubscription
        {
            Id = Guid.NewGuid(),
            Organisation = owner.Value,
            Country = scope.Kind == ScopeKind.Country ? scope.Id : null,
            ForOrganisation = scope.Kind == ScopeKind.Organisation && Guid.TryParse(scope.Id, out var org) ? org : null,
            Url = url!.ToString(),
            EventTypes = types.Contains("*") ? "*" : string.Join(',', types.Distinct()),
            ProtectedSecret = protection.CreateProtector(WebhookSender.ProtectorPurpose).Protect(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = caller.Id ?? "unknown",
        };
        db.Webhooks.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("messaging.webhook.registered", "webhook", row.Id.ToString(), new { row.Url, row.EventTypes, row.Country, row.ForOrganisation }), db, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/{row.Id}", View(row) with { Secret = secret });
    }

    private static async Task<Ok<List<WebhookView>>> List(Caller caller, MessagingDbContext db, CancellationToken ct)
    {
        var owner = Organisation(caller);
        var rows = await db.Webhooks.AsNoTracking().Where(w => w.Organisation == owner).OrderBy(w => w.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(View).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Remove(string id, Caller caller, MessagingDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var (row, problem) = await OwnAsync(id, caller, db, ct);
        if (row is null)
        {
            return problem!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        row.Active = false;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("messaging.webhook.removed", "webhook", row.Id.ToString(), new { row.Url }), db, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<DeliveryView>>, ValidationProblem, ProblemHttpResult>> Deliveries(string id, string? status, Caller caller, MessagingDbContext db, CancellationToken ct)
    {
        if (status is not (null or "pending" or "delivered" or "dead"))
        {
            return Problems.Invalid("status", "is pending, delivered or dead.");
        }

        var (row, problem) = await OwnAsync(id, caller, db, ct);
        if (row is null)
        {
            return problem!;
        }

        var query = db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == row.Id);
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }

        var deliveries = await query.OrderByDescending(d => d.Position).Take(200)
            .Join(db.Outbox.AsNoTracking(), d => d.Position, e => e.Position, (d, e) => new { d, e.Type, e.MessageId })
            .ToListAsync(ct);
        return TypedResults.Ok(deliveries.Select(x => ToView(x.d, x.Type, x.MessageId)).ToList());
    }

    private static async Task<Results<Ok<DeliveryView>, ValidationProblem, ProblemHttpResult>> Replay(string id, Caller caller, MessagingDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{Reference(id)}' is not a delivery id (a GUID).");
        }

        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == guid, ct);
        var owner = Organisation(caller);
        var subscription = delivery is null ? null : await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == delivery.SubscriptionId, ct);
        if (delivery is null || subscription is null)
        {
            return Problems.NotFound($"There is no delivery {guid}.");
        }

        if (subscription.Organisation != owner)
        {
            return Problems.Forbidden("This delivery belongs to another organisation's webhook.");
        }

        if (delivery.Status != "dead" || !subscription.Active)
        {
            return TypedResults.Problem(detail: subscription.Active ? $"The delivery is {delivery.Status}; only a dead delivery is replayed." : "The webhook was removed.", statusCode: 409, title: "Not possible now.", type: "https://caravan.example/problems/not-dead");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        delivery.Status = "pending";
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(caller.Did("messaging.delivery.replayed", "webhook-delivery", delivery.Id.ToString(), new { delivery.Position }), db, ct);
        await transaction.CommitAsync(ct);
        var entry = await db.Outbox.AsNoTracking().SingleAsync(e => e.Position == delivery.Position, ct);
        return TypedResults.Ok(ToView(delivery, entry.Type, entry.MessageId));
    }

    private static async Task<(WebhookSubscription? Row, ProblemHttpResult? Problem)> OwnAsync(string id, Caller caller, MessagingDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return (null, Problems.NotFound($"There is no webhook '{Reference(id)}'."));
        }

        var row = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == guid, ct);
        if (row is null)
        {
            return (null, Problems.NotFound($"There is no webhook {guid}."));
        }

        return row.Organisation == Organisation(caller) ? (row, null) : (null, Problems.Forbidden("This webhook belongs to another organisation."));
    }

    private static WebhookView View(WebhookSubscription w) =>
        new(w.Id, w.Url, w.EventTypes.Split(','), w.Country, w.ForOrganisation, w.Active, new DateTimeOffset(w.CreatedAt, TimeSpan.Zero));

    private static DeliveryView ToView(WebhookDelivery d, string type, Guid messageId) => new(
        d.Id, d.SubscriptionId, d.Position, type, messageId, d.Status, d.Attempts,
        d.Status == "pending" ? new DateTimeOffset(d.NextAttemptAt, TimeSpan.Zero) : null,
        d.DeliveredAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null,
        d.LastStatusCode, d.LastError);

    private static string Reference(string value) => value.Length <= 24 ? value : value[..24] + "…";
}
