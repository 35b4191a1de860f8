using System.Text.Json;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.NotifyTraders;

/// <summary>
/// Turns the feed into traders' notifications — every decision but a plain acceptance, a channel assigned again,
/// a release at the border and the arrival — through a durable consumer: after a restart it goes on from where it
/// stopped, and an event seen twice is stored once.
/// </summary>
internal sealed class TraderNotificationsConsumer(TradeDbContext db) : IEventConsumer
{
    public string Name => "trade.trader-notifications";

    public IReadOnlySet<string> Types { get; } = new HashSet<string>(StringComparer.Ordinal) { TradeEvents.DecisionRecorded, TradeEvents.ChannelAssigned, TradeEvents.EventRecorded };

    private static readonly HashSet<string> BorderEvents = ["released", "arrived-at-destination"];

    public async Task HandleAsync(IReadOnlyList<FeedEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id).ToList();
        var seen = (await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.EventId)).Select(n => n.EventId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var e in events.Where(e => e.Organisation is not null && !seen.Contains(e.Id)))
        {
            var notification = e.Type switch
            {
                TradeEvents.DecisionRecorded => From(e, e.Payload.Deserialize<DecisionRecordedEvent>(JsonSerializerOptions.Web)!) is { What: not "accept" } decided ? decided : null,
                TradeEvents.ChannelAssigned => From(e, e.Payload.Deserialize<ChannelAssignedEvent>(JsonSerializerOptions.Web)!),
                _ => e.Payload.Deserialize<BorderEventRecordedEvent>(JsonSerializerOptions.Web)! is var border && BorderEvents.Contains(border.Type)
                    ? New(e, border.ConsignmentId, border.Reference, border.Country, border.Type, border.CrossingId)
                    : null,
            };
            if (notification is not null)
            {
                db.Notifications.Add(notification);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static TraderNotification From(FeedEvent e, DecisionRecordedEvent d) => New(e, d.ConsignmentId, d.Reference, d.Country, d.Decision, d.ReasonCode);

    private static TraderNotification From(FeedEvent e, ChannelAssignedEvent c) => New(e, c.ConsignmentId, c.Reference, c.Country, c.Channel, null);

    private static TraderNotification New(FeedEvent e, Guid consignment, string reference, string country, string what, string? detail) => new()
    {
        Id = Guid.NewGuid(),
        EventId = e.Id,
        Organisation = e.Organisation!.Value,
        ConsignmentId = consignment,
        Reference = reference,
        Kind = e.Type,
        Country = country,
        What = what,
        Detail = detail is { Length: > 40 } ? detail[..40] : detail,
        OccurredAt = e.OccurredAt,
    };
}

/// <summary>A trader's notifications: its organisation's, newest first, and marking them read.</summary>
internal sealed class TraderNotifications(TradeDbContext db, TimeProvider clock)
{
    public const int Limit = 100;

    private static IReadOnlyList<Guid> Organisations(Caller caller) => caller.OrganisationsFor(TradePermissions.Lodge);

    public async Task<IReadOnlyList<NotificationView>> ListAsync(Caller caller, bool unreadOnly, CancellationToken cancellationToken)
    {
        var organisations = Organisations(caller);
        var query = db.Notifications.AsNoTracking().Where(n => organisations.Contains(n.Organisation));
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var rows = await query.OrderByDescending(n => n.OccurredAt).Take(Limit).ToListAsync(cancellationToken);
        return rows.Select(n => new NotificationView(n.Id, n.ConsignmentId, n.Reference, n.Kind, n.Country, n.What, n.Detail, n.OccurredAt, n.ReadAt is not null)).ToList();
    }

    public async Task<int> UnreadAsync(Caller caller, CancellationToken cancellationToken)
    {
        var organisations = Organisations(caller);
        return organisations.Count == 0 ? 0 : await db.Notifications.CountAsync(n => organisations.Contains(n.Organisation) && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks every unread notification of the caller's organisation read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(Caller caller, CancellationToken cancellationToken)
    {
        var organisations = Organisations(caller);
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => organisations.Contains(n.Organisation) && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
