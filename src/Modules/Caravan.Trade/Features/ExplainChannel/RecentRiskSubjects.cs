using System.Text.Json;
using Caravan.Risk.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Features.DecideOnControl;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.ExplainChannel;

/// <summary>
/// A country's latest controls as risk subjects, for an analyst's preview of a draft profile: built from each
/// consignment's current declaration exactly as at lodging (<see cref="RiskSubjects"/>), with the channel the control
/// got then. Refusals count the trader's other controls this administration refused, as known now.
/// </summary>
internal sealed class RecentRiskSubjects(TradeDbContext db) : IRecentRiskSubjects
{
    public async Task<IReadOnlyList<RecentSubject>> ForCountryAsync(string country, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await db.Controls.AsNoTracking()
            .Where(c => c.Country == country)
            .Join(db.Consignments.AsNoTracking(), c => c.ConsignmentId, s => s.Id, (c, s) => new { Control = c, Consignment = s })
            .OrderByDescending(x => x.Consignment.LodgedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var refused = await db.Controls.AsNoTracking()
            .Where(c => c.Country == country && c.State == ControlStateMachine.Refused)
            .Join(db.Consignments.AsNoTracking(), c => c.ConsignmentId, s => s.Id, (c, s) => s.LodgedByOrganisation)
            .GroupBy(trader => trader)
            .Select(g => new { Trader = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Trader, g => g.Count, cancellationToken);

        var subjects = new List<RecentSubject>(rows.Count);
        foreach (var row in rows)
        {
            var declaration = JsonSerializer.Deserialize<ConsignmentDeclaration>(row.Consignment.Declaration)!;
            // As at lodging: the consignment's own refusal does not count against it.
            var refusals = refused.GetValueOrDefault(row.Consignment.LodgedByOrganisation) - (row.Control.State == ControlStateMachine.Refused ? 1 : 0);
            var subject = RiskSubjects.For(row.Consignment, row.Control, RiskSubjects.Facts(declaration), refusals);
            subjects.Add(new RecentSubject(subject, row.Control.Channel, row.Consignment.LodgedAt));
        }

        return subjects;
    }
}
