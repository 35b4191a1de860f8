using System.Globalization;
using Caravan.Platform.Audit;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.RecordBorderEvents;

internal enum EventOutcome
{
    Recorded,
    Duplicate,
    NotFound,
    OutOfScope,
    Invalid,
}

/// <summary>
/// Border events from any source, in any order: each is placed by when it happened, and the same event reported
/// twice is stored once. The timeline puts lodging, decisions and events in one order, each in local time.
/// </summary>
internal sealed class BorderEventRecorder(TradeDbContext db, IBorderCrossingDirectory crossings, ICountryDirectory countries, IAuditLog audit, IOutbox outbox, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Types =
        ["arrived-at-crossing", "entered-queue", "check-started", "check-finished", "released", "exited", "entered-next-country", "arrived-at-destination"];

    public async Task<(EventOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors)> RecordAsync(Guid consignmentId, BorderEventRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var consignment = await db.Consignments.Include(c => c.Controls).SingleOrDefaultAsync(c => c.Id == consignmentId, cancellationToken);
        if (consignment is null)
        {
            return (EventOutcome.NotFound, null);
        }

        var errors = new Dictionary<string, string[]>();
        var type = request.Type?.Trim().ToLowerInvariant();
        if (type is null || !Types.Contains(type))
        {
            errors["type"] = [$"'{ReferenceCodes.Truncate(request.Type ?? string.Empty)}' is not a border event; use one of {string.Join(", ", Types)}."];
        }

        var country = ReferenceCodes.ParseCountryCode(request.Country);
        if (!country.IsValid)
        {
            errors["country"] = [country.Error!];
        }
        else if (consignment.Controls.All(c => c.Country != country.Value))
        {
            errors["country"] = [$"{country.Value} is not on this consignment's route ({string.Join(" → ", consignment.Controls.OrderBy(c => c.Sequence).Select(c => c.Country))})."];
        }

        string? crossingId = null;
        if (!string.IsNullOrWhiteSpace(request.CrossingId))
        {
            crossingId = request.CrossingId.Trim().ToUpperInvariant();
            var route = consignment.Controls.SelectMany(c => new[] { c.EntryCrossingId, c.ExitCrossingId }).OfType<string>().ToHashSet();
            if (!route.Contains(crossingId))
            {
                errors["crossingId"] = [$"{ReferenceCodes.Truncate(crossingId)} is not a crossing on this consignment's route ({string.Join(", ", route.Order(StringComparer.Ordinal))})."];
            }
            else if (country.IsValid && await crossings.FindAsync(crossingId, cancellationToken) is { } crossing && !crossing.Involves(country.Value!))
            {
                errors["crossingId"] = [$"{crossingId} has no post in {country.Value}."];
            }
        }
        else if (type is not ("arrived-at-destination" or null) && Types.Contains(type))
        {
            errors["crossingId"] = [$"a '{type}' event happens at a border crossing: give its id."];
        }

        if (request.OccurredAt is not { } occurredAt)
        {
            errors["occurredAt"] = ["is required: when it happened, with its UTC offset."];
        }
        else if (occurredAt > clock.GetUtcNow().AddMinutes(5))
        {
            errors["occurredAt"] = [$"{occurredAt.ToString("O", CultureInfo.InvariantCulture)} is in the future."];
        }
        else if (occurredAt < consignment.LodgedAt.AddDays(-30))
        {
            errors["occurredAt"] = ["is more than 30 days before the consignment was lodged."];
        }

        if (errors.Count > 0)
        {
            return (EventOutcome.Invalid, errors);
        }

        // Who may report: the trader for its own consignment, an administration for events in its country.
        if (!LodgeConsignment.ConsignmentQueries.LodgedBy(caller, consignment) && !caller.Has(TradePermissions.Decide, Scope.Country(country.Value!)))
        {
            return (EventOutcome.OutOfScope, null);
        }

        var at = request.OccurredAt!.Value.ToUniversalTime();
        if (await db.Events.AnyAsync(v => v.ConsignmentId == consignmentId && v.Type == type && v.Country == country.Value && v.CrossingId == crossingId && v.OccurredAt == at, cancellationToken))
        {
            return (EventOutcome.Duplicate, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = new BorderEvent
        {
            Id = Guid.NewGuid(),
            ConsignmentId = consignmentId,
            Type = type!,
            Country = country.Value!,
            CrossingId = crossingId,
            OccurredAt = at,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = caller.Id ?? "unknown",
        };
        db.Events.Add(recorded);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event arrived at the same moment from another source: it is stored once.
            return (EventOutcome.Duplicate, null);
        }

        await audit.AppendAsync(caller.Did("trade.event.recorded", "consignment", consignmentId.ToString(), new { type, country = country.Value, crossingId, at }), db, cancellationToken);
        await outbox.EnqueueAsync(TradeEvents.Message(TradeEvents.EventRecorded, consignmentId, consignment.Controls.Select(c => c.Country), consignment.LodgedByOrganisation, new BorderEventRecordedEvent(
            consignmentId, consignment.Reference, type!, country.Value!, crossingId, at)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (EventOutcome.Recorded, null);
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid consignmentId, CancellationToken cancellationToken)
    {
        var consignment = await db.Consignments.AsNoTracking().Include(c => c.Controls).ThenInclude(c => c.Decisions).Include(c => c.Events)
            .Include(c => c.Versions.Where(v => v.Kind == "amended")).AsSplitQuery()
            .SingleAsync(c => c.Id == consignmentId, cancellationToken);
        var zones = (await countries.ListAsync(cancellationToken)).ToDictionary(c => c.Code, c => c.TimeZone);
        TimelineEntry Entry(DateTimeOffset at, string country, string kind, string what, string? crossing, string? detail)
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zones.GetValueOrDefault(country, "UTC"), out var z) ? z : TimeZoneInfo.Utc;
            var local = TimeZoneInfo.ConvertTime(at, zone);
            return new TimelineEntry(at, local.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture), country, kind, what, crossing, detail);
        }

        var entries = new List<TimelineEntry> { Entry(consignment.LodgedAt, consignment.CountryOfDispatch, "lodged", "lodged", null, consignment.Reference) };
        entries.AddRange(consignment.Controls.SelectMany(c => c.Decisions.Select(d =>
            Entry(d.DecidedAt, c.Country, "decision", d.Decision, null, d.ReasonCode is null ? $"{d.FromState} → {d.ToState}" : $"{d.FromState} → {d.ToState} ({d.ReasonCode})"))));
        entries.AddRange(consignment.Versions.Select(v =>
            Entry(v.RecordedAt, consignment.CountryOfDispatch, "amended", "amended", null, $"version {v.Version.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", ChangedFields(v.Changes))}")));
        entries.AddRange(consignment.Events.Select(v => Entry(v.OccurredAt, v.Country, "event", v.Type, v.CrossingId, null)));
        return entries.OrderBy(e => e.At).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> ChangedFields(string changes) =>
        System.Text.Json.JsonSerializer.Deserialize<List<DeclarationChange>>(changes, System.Text.Json.JsonSerializerOptions.Web)!.Select(c => c.Field);
}
