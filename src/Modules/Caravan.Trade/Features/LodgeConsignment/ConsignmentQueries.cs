using System.Text.Json;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.LodgeConsignment;

internal enum Visibility
{
    Found,
    NotFound,
    OutOfScope,
}

/// <summary>Consignments as a caller may see them: its organisation's, or those whose route passes through its countries.</summary>
internal sealed class ConsignmentQueries(TradeDbContext db)
{
    public async Task<IReadOnlyList<ConsignmentView>> ListVisibleAsync(Caller caller, int limit, CancellationToken cancellationToken)
    {
        var rows = await Visible(caller).Include(c => c.Controls).Include(c => c.Events).AsSplitQuery().OrderByDescending(c => c.LodgedAt).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(ToView).ToList();
    }

    /// <summary>The statuses <see cref="DeriveStatus"/> gives, in the order a journey reaches them.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["lodged", "in-transit", "held", "refused", "released", "arrived", "cancelled"];

    /// <summary>
    /// One page of the visible consignments, newest first, optionally of one status, and how many there are in all:
    /// the list page pages through a week of history instead of showing only the newest few. The status is derived
    /// in the database by the same rules as <see cref="DeriveStatus"/>, so that counts and pages agree with the rows.
    /// </summary>
    public async Task<(IReadOnlyList<ConsignmentView> Consignments, int Total)> ListPageAsync(Caller caller, string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = WithStatus(Visible(caller), status);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.LodgedAt).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Include(c => c.Controls).Include(c => c.Events).AsSplitQuery().ToListAsync(cancellationToken);
        return (rows.Select(ToView).ToList(), total);
    }

    /// <summary><see cref="DeriveStatus"/> as a filter the database runs; null or an unknown status filters nothing.</summary>
    internal static IQueryable<Consignment> WithStatus(IQueryable<Consignment> query, string? status)
    {
        if (status is null || !Statuses.Contains(status))
        {
            return query;
        }

        if (status == "cancelled")
        {
            return query.Where(c => c.Status == "cancelled");
        }

        query = query.Where(c => c.Status != "cancelled");
        if (status == "arrived")
        {
            return query.Where(c => c.Events.Any(e => e.Type == "arrived-at-destination"));
        }

        query = query.Where(c => !c.Events.Any(e => e.Type == "arrived-at-destination"));
        if (status == "refused")
        {
            return query.Where(c => c.Controls.Any(x => x.State == "refused"));
        }

        query = query.Where(c => !c.Controls.Any(x => x.State == "refused"));
        if (status == "held")
        {
            return query.Where(c => c.Controls.Any(x => x.State == "inspection" || x.State == "documents-requested"));
        }

        query = query.Where(c => !c.Controls.Any(x => x.State == "inspection" || x.State == "documents-requested"));
        if (status == "released")
        {
            return query.Where(c => c.Controls.Any() && c.Controls.All(x => x.State == "released"));
        }

        query = query.Where(c => !(c.Controls.Any() && c.Controls.All(x => x.State == "released")));
        return status == "in-transit" ? query.Where(c => c.Events.Any()) : query.Where(c => !c.Events.Any());
    }

    public async Task<(Visibility Visibility, ConsignmentView? Consignment)> FindAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Consignments.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return (Visibility.NotFound, null);
        }

        var row = await Visible(caller).Include(c => c.Controls).Include(c => c.Events).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is null ? (Visibility.OutOfScope, null) : (Visibility.Found, ToView(row));
    }

    private IQueryable<Consignment> Visible(Caller caller)
    {
        var query = db.Consignments.AsNoTracking();
        if (caller.HoldsPlatformWide(TradePermissions.View))
        {
            return query;
        }

        var organisations = caller.OrganisationsFor(TradePermissions.View);
        var countries = caller.CountriesFor(TradePermissions.View);
        return query.Where(c => organisations.Contains(c.LodgedByOrganisation) || c.Controls.Any(control => countries.Contains(control.Country)));
    }

    /// <summary>Whether the caller is the trader that lodged the consignment (it may report events and withdraw it).</summary>
    internal static bool LodgedBy(Caller caller, Consignment consignment) => LodgedBy(caller, consignment.LodgedByOrganisation);

    internal static bool LodgedBy(Caller caller, Guid organisation) =>
        caller.OrganisationsFor(TradePermissions.Lodge).Contains(organisation);

    internal static ConsignmentView ToView(Consignment c)
    {
        var (status, heldAt) = DeriveStatus(c);
        return new(
        c.Id,
        c.Reference,
        status,
        heldAt,
        c.Version,
        c.LodgedAt,
        c.CountryOfDispatch,
        c.CountryOfDestination,
        c.Controls.OrderBy(x => x.Sequence).Select(x => new CustomsControlView(x.Id, x.Sequence, x.Country, x.Role, x.State, x.EntryCrossingId, x.ExitCrossingId, x.Channel)).ToList(),
        JsonSerializer.Deserialize<ConsignmentDeclaration>(c.Declaration)!);
    }

    /// <summary>
    /// One status a trader can read, from the controls and the events: arrived beats everything; a refusal or a hold
    /// names where; all controls released is released; any event means it is on its way.
    /// </summary>
    internal static (string Status, string? HeldAt) DeriveStatus(Consignment c)
    {
        if (c.Status == "cancelled")
        {
            return ("cancelled", null);
        }

        if (c.Events.Any(e => e.Type == "arrived-at-destination"))
        {
            return ("arrived", null);
        }

        if (c.Controls.FirstOrDefault(x => x.State == "refused") is { } refused)
        {
            return ("refused", refused.EntryCrossingId ?? refused.ExitCrossingId ?? refused.Country);
        }

        if (c.Controls.OrderBy(x => x.Sequence).FirstOrDefault(x => x.State is "inspection" or "documents-requested") is { } held)
        {
            return ("held", held.EntryCrossingId ?? held.ExitCrossingId ?? held.Country);
        }

        if (c.Controls.Count > 0 && c.Controls.All(x => x.State == "released"))
        {
            return ("released", null);
        }

        return (c.Events.Count > 0 ? "in-transit" : "lodged", null);
    }
}
