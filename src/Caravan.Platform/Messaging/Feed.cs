using System.Linq.Expressions;
using Caravan.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Platform.Messaging;

/// <summary>
/// The feed as a caller may read it: dispatched events of its countries (administrations) or its organisation
/// (traders), in feed order, from a cursor. Platform-wide holders read everything.
/// </summary>
internal sealed class Feed(MessagingDbContext db)
{
    public const int MaxLimit = 1000;

    public async Task<FeedPage> ReadAsync(Caller caller, long after, int limit, CancellationToken cancellationToken)
    {
        var query = db.Outbox.AsNoTracking().Where(e => e.Position != null && e.Position > after);
        if (!caller.HoldsPlatformWide(MessagingPermissions.ReadFeed))
        {
            query = query.Where(InScope(caller.ScopesFor(MessagingPermissions.ReadFeed)));
        }

        var rows = await query.OrderBy(e => e.Position).Take(limit).ToListAsync(cancellationToken);
        var events = rows.Select(OutboxDispatcher.ToFeedEvent).ToList();
        return new FeedPage(events, events.Count > 0 ? events[^1].Position : after);
    }

    /// <summary>e.Countries contains ",KZ," for one of the caller's countries, or e.Organisation is one of its organisations.</summary>
    internal static Expression<Func<OutboxEntry, bool>> InScope(IReadOnlyList<Scope> scopes)
    {
        var entry = Expression.Parameter(typeof(OutboxEntry), "e");
        Expression body = Expression.Constant(false);
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        foreach (var country in scopes.Where(s => s.Kind == ScopeKind.Country).Select(s => s.Id!).Distinct())
        {
            body = Expression.OrElse(body, Expression.Call(Expression.Property(entry, nameof(OutboxEntry.Countries)), contains, Expression.Constant($",{country},")));
        }

        var organisations = scopes.Where(s => s.Kind == ScopeKind.Organisation && Guid.TryParse(s.Id, out _)).Select(s => (Guid?)Guid.Parse(s.Id!)).Distinct().ToList();
        foreach (var organisation in organisations)
        {
            body = Expression.OrElse(body, Expression.Equal(Expression.Property(entry, nameof(OutboxEntry.Organisation)), Expression.Constant(organisation, typeof(Guid?))));
        }

        return Expression.Lambda<Func<OutboxEntry, bool>>(body, entry);
    }
}
