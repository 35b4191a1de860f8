using System.Text.Json;
using Caravan.Risk.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Caravan.Trade.Features.DecideOnControl;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.LodgeConsignment;

/// <summary>
/// Asks each administration's risk engine for the channel of its control, when the control becomes due: at lodging
/// (pre-arrival) and again when an amendment changes the declaration before the administration has begun. The
/// assessment is stored with the control in the same transaction as the change that caused it.
/// </summary>
internal sealed class ChannelAssignment(TradeDbContext db, IRiskAssessor assessor, TimeProvider clock)
{
    /// <summary>States in which the channel may still change: the administration has not yet acted on it.</summary>
    public static bool Reassessable(string state) => state is ControlStateMachine.PreArrival or ControlStateMachine.UnderAssessment;

    public async Task AssignAsync(Consignment consignment, ConsignmentDeclaration declaration, IEnumerable<CustomsControl> controls, CancellationToken cancellationToken)
    {
        var due = controls.ToList();
        if (due.Count == 0)
        {
            return;
        }

        var countries = due.Select(c => c.Country).ToList();
        var refusals = await db.Controls.AsNoTracking()
            .Where(c => c.State == ControlStateMachine.Refused && countries.Contains(c.Country) && c.ConsignmentId != consignment.Id)
            .Join(db.Consignments.AsNoTracking().Where(s => s.LodgedByOrganisation == consignment.LodgedByOrganisation), c => c.ConsignmentId, s => s.Id, (c, _) => c.Country)
            .GroupBy(country => country)
            .Select(g => new { Country = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Country, g => g.Count, cancellationToken);

        var facts = RiskSubjects.Facts(declaration);
        var now = clock.GetUtcNow();
        foreach (var control in due)
        {
            var subject = RiskSubjects.For(consignment, control, facts, refusals.GetValueOrDefault(control.Country));
            var assessment = await assessor.AssessAsync(subject, cancellationToken);
            control.Channel = assessment.Channel;
            // Added to the context itself: found through the navigation of a tracked control, an entity with its key
            // already set would be taken for an existing row to update.
            db.Assessments.Add(new ControlAssessment
            {
                Id = Guid.NewGuid(),
                ControlId = control.Id,
                DeclarationVersion = consignment.Version,
                AssessedAt = now,
                Channel = assessment.Channel,
                Score = assessment.Score,
                ProfileVersion = assessment.ProfileVersion,
                Explanation = JsonSerializer.Serialize(assessment, JsonSerializerOptions.Web),
            });
        }
    }
}
