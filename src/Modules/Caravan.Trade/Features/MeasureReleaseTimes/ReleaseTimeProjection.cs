using System.Text.Json;
using Caravan.Platform.Messaging;
using Caravan.Risk.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.MeasureReleaseTimes;

/// <summary>
/// Keeps <c>trade.control_release_times</c>: on each event about a consignment (lodged, channel, decision, border event,
/// amendment, cancellation) it measures every control of that consignment again from what the database holds, with
/// <see cref="StageClock"/>, and writes one row per control. Recomputing from the source (not applying the event) makes
/// the handler idempotent — an event seen twice, or all of them replayed from position 0, gives the same table.
/// </summary>
internal sealed class ReleaseTimeConsumer(TradeDbContext db) : IEventConsumer
{
    public const string ConsumerName = "trade.release-times";

    public string Name => ConsumerName;

    public IReadOnlySet<string> Types { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TradeEvents.ControlCreated, TradeEvents.ChannelAssigned, TradeEvents.DecisionRecorded, TradeEvents.EventRecorded, TradeEvents.Amended, TradeEvents.Cancelled,
    };

    public async Task HandleAsync(IReadOnlyList<FeedEvent> events, CancellationToken cancellationToken)
    {
        var consignments = events.Select(e => Guid.TryParse(e.SubjectId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        await new ReleaseTimeProjector(db).ProjectAsync(consignments, cancellationToken);
    }
}

/// <summary>Measures consignments' controls and upserts their rows.</summary>
internal sealed class ReleaseTimeProjector(TradeDbContext db)
{
    private const int Chunk = 100;

    public async Task ProjectAsync(IReadOnlyList<Guid> consignmentIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in consignmentIds.Chunk(Chunk))
        {
            var consignments = await db.Consignments.AsNoTracking()
                .Include(c => c.Controls).ThenInclude(c => c.Decisions)
                .Include(c => c.Controls).ThenInclude(c => c.Assessments)
                .Include(c => c.Events)
                .AsSplitQuery()
                .Where(c => chunk.Contains(c.Id))
                .ToListAsync(cancellationToken);
            var controlIds = consignments.SelectMany(c => c.Controls).Select(c => c.Id).ToList();
            var existing = await db.ReleaseTimes.Where(r => controlIds.Contains(r.ControlId)).ToDictionaryAsync(r => r.ControlId, cancellationToken);
            foreach (var consignment in consignments)
            {
                var mode = TransportModeOf(consignment.Declaration);
                var events = consignment.Events.Select(e => new ClockEvent(e.Type, e.Country, e.CrossingId, e.OccurredAt)).ToList();
                foreach (var control in consignment.Controls)
                {
                    if (!existing.TryGetValue(control.Id, out var row))
                    {
                        row = new ControlReleaseTime { ControlId = control.Id, Reference = consignment.Reference, Country = control.Country, Role = control.Role, Outcome = "open" };
                        db.ReleaseTimes.Add(row);
                    }

                    Measure(row, consignment, control, mode, events);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static void Measure(ControlReleaseTime row, Consignment consignment, CustomsControl control, string? mode, IReadOnlyList<ClockEvent> events)
    {
        var clockControl = new ClockControl(control.Country, control.EntryCrossingId, control.ExitCrossingId);
        var s = StageClock.Instants(clockControl, events, control.Decisions.Select(d => new ClockDecision(d.Decision, d.DecidedAt)));
        var d = StageClock.Durations(s);
        var latest = control.Assessments.OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.DeclarationVersion).FirstOrDefault();

        row.ConsignmentId = consignment.Id;
        row.Reference = consignment.Reference;
        row.Country = control.Country;
        row.Role = control.Role;
        row.CrossingId = clockControl.Crossing;
        row.EntryCrossingId = control.EntryCrossingId;
        row.ExitCrossingId = control.ExitCrossingId;
        row.TransportMode = mode;
        row.Channel = control.Channel;
        row.Aeo = latest is not null && AeoApplied(latest.Explanation);
        row.Outcome = s.Released is not null ? "released" : s.Refused is not null ? "refused" : control.State == "cancelled" || consignment.Status == "cancelled" ? "cancelled" : "open";
        row.LodgedAt = consignment.LodgedAt;
        row.ArrivedAt = s.Arrived;
        row.QueuedAt = s.Queued;
        row.CheckStartedAt = s.CheckStarted;
        row.CheckFinishedAt = s.CheckFinished;
        row.ReleasedAt = s.Released;
        row.RefusedAt = s.Refused;
        row.ExitedAt = s.Exited;
        row.EnteredNextAt = s.EnteredNext;
        row.ArrivalToQueueSeconds = d.ArrivalToQueue;
        row.QueueToCheckSeconds = d.QueueToCheck;
        row.CheckSeconds = d.Check;
        row.CheckToReleaseSeconds = d.CheckToRelease;
        row.ReleaseToExitSeconds = d.ReleaseToExit;
        row.ExitToNextEntrySeconds = d.ExitToNextEntry;
        row.ArrivalToReleaseSeconds = d.ArrivalToRelease;
        row.ArrivalToExitSeconds = d.ArrivalToExit;
    }

    private static string? TransportModeOf(string declaration)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<ConsignmentDeclaration>(declaration, JsonSerializerOptions.Web);
            var mode = TransportModes.Parse(parsed?.TransportMode);
            return mode.IsValid ? TransportModes.Code(mode.Value) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool AeoApplied(string explanation)
    {
        try
        {
            return JsonSerializer.Deserialize<RiskAssessment>(explanation, JsonSerializerOptions.Web)?.Aeo?.Applied == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
