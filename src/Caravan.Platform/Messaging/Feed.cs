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
            query = query.Where(InScope(caller.CountriesFor(MessagingPermissions.ReadFeed), caller.OrganisationsFor(MessagingPermissions.ReadFeed)));
        }

        var rows = await query.OrderBy(e => e.Position).Take(limit).ToListAsync(cancellationToken);
        var events = rows.Select(OutboxDispatcher.ToFeedEvent).ToList();
        return new FeedPage(events, events.Count > 0 ? events[^1].Position : after);
    }

    /// <summary>e.Countries contains ",KZ," for one of the caller's countries, or e.Organisation is one of its organisations.</summary>
    internal static Expression<Func<OutboxEntry, bool>> InScope(IReadOnlyList<string> countries, IReadOnlyList<Guid> organisations)
    {
        // The organisations as one IN list; then one text match per country, OR-ed (a caller holds a handful at most).
        var ofOrganisation = organisations.Select(o => (Guid?)o).ToList();
        Expression<Func<OutboxEntry, bool>> byOrganisation = e => ofOrganisation.Contains(e.Organisation);
        var entry = byOrganisation.Parameters[0];
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var body = countries.Distinct().Aggregate(
            byOrganisation.Body,
            (current, country) => Expression.OrElse(current, Expression.Call(Expression.Property(entry, nameof(OutboxEntry.Countries)), contains, Expression.Constant($",{country},"))));
        return Expression.Lambda<Func<OutboxEntry, bool>>(body, entry);
    }
}
