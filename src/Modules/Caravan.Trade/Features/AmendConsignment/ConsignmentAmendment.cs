using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Caravan.Platform.Audit;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Caravan.Trade.Features.DecideOnControl;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.AmendConsignment;

internal enum AmendOutcome
{
    Amended,
    Unchanged,
    NotFound,
    NotLodgedByCaller,
    PreconditionRequired,
    VersionMoved,
    Closed,
    Invalid,
}

internal sealed record AmendResult(AmendOutcome Outcome, ConsignmentView? Consignment = null, IReadOnlyDictionary<string, string[]>? Errors = null, string? Detail = null);

/// <summary>
/// The lodging trader corrects its declaration before any administration has released or refused it. The amendment
/// names the version it was made against (If-Match), is validated like a lodging, keeps the route's countries (each
/// has its control already), and becomes a new version with the fields it changed, audited.
/// </summary>
internal sealed class ConsignmentAmendment(TradeDbContext db, DeclarationValidator validator, ChannelAssignment channels, IAuditLog audit, IOutbox outbox, TimeProvider clock)
{
    /// <summary>Control states in which an administration has not yet looked at the crossing, so it may still change.</summary>
    private static readonly HashSet<string> NotYetExamined = [ControlStateMachine.PreArrival, ControlStateMachine.UnderAssessment];

    public async Task<AmendResult> AmendAsync(Guid id, int? expectedVersion, ConsignmentDeclaration declaration, Caller caller, CancellationToken cancellationToken)
    {
        var consignment = await db.Consignments.Include(c => c.Controls).Include(c => c.Events).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consignment is null)
        {
            return new AmendResult(AmendOutcome.NotFound);
        }

        if (!ConsignmentQueries.LodgedBy(caller, consignment))
        {
            return new AmendResult(AmendOutcome.NotLodgedByCaller);
        }

        if (expectedVersion is null)
        {
            return new AmendResult(AmendOutcome.PreconditionRequired);
        }

        var body = JsonSerializer.Serialize(declaration);
        if (body == consignment.Declaration)
        {
            // A retry of an amendment that was applied (or a save without changes): nothing to do, and no new version.
            return new AmendResult(AmendOutcome.Unchanged, ConsignmentQueries.ToView(consignment));
        }

        if (expectedVersion != consignment.Version)
        {
            return new AmendResult(AmendOutcome.VersionMoved, Detail: Current(consignment.Version));
        }

        var closedBy = consignment.Controls.OrderBy(c => c.Sequence).FirstOrDefault(c => c.State is ControlStateMachine.Released or ControlStateMachine.Refused);
        if (consignment.Status == "cancelled" || closedBy is not null)
        {
            return new AmendResult(AmendOutcome.Closed, Detail: closedBy is null
                ? "The consignment is cancelled; it can no longer be amended."
                : $"The customs administration of {closedBy.Country} has already {closedBy.State} it; an amendment now would change what it decided on. Ask that administration.");
        }

        var errors = (await validator.ValidateAsync(declaration, cancellationToken)).ToDictionary(e => e.Key, e => e.Value);
        if (errors.Count == 0)
        {
            CheckRoute(consignment, declaration.Route!, errors);
        }

        if (errors.Count > 0)
        {
            return new AmendResult(AmendOutcome.Invalid, Errors: errors);
        }

        var before = JsonSerializer.Deserialize<ConsignmentDeclaration>(consignment.Declaration)!;
        var changes = DeclarationDiff.Compare(before, declaration);
        var now = clock.GetUtcNow();
        var crossings = declaration.Route!.Crossings!.Select(c => c.Trim().ToUpperInvariant()).ToList();
        foreach (var control in consignment.Controls)
        {
            control.EntryCrossingId = control.Sequence == 1 ? null : crossings[control.Sequence - 2];
            control.ExitCrossingId = control.Sequence == consignment.Controls.Count ? null : crossings[control.Sequence - 1];
        }

        consignment.Declaration = body;
        consignment.RequestHash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
        consignment.Version++;
        db.Versions.Add(new DeclarationVersion
        {
            Id = Guid.NewGuid(),
            ConsignmentId = consignment.Id,
            Version = consignment.Version,
            Kind = "amended",
            Declaration = body,
            Changes = JsonSerializer.Serialize(changes, JsonSerializerOptions.Web),
            RecordedAt = now,
            RecordedBy = caller.Id ?? "unknown",
        });

        // The administrations that have not acted yet assess the new declaration again; the others keep their channel.
        var reassessed = consignment.Controls.Where(c => ChannelAssignment.Reassessable(c.State)).ToList();
        await channels.AssignAsync(consignment, declaration, reassessed, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another amendment (or a cancellation) got there first.
            await transaction.RollbackAsync(cancellationToken);
            var current = await db.Consignments.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleAsync(cancellationToken);
            return new AmendResult(AmendOutcome.VersionMoved, Detail: Current(current));
        }

        await audit.AppendAsync(caller.Did("trade.consignment.amended", "consignment", id.ToString(), new { consignment.Version, fields = changes.Select(c => c.Field).ToList(), hash = consignment.RequestHash }), db, cancellationToken);
        // Every administration on the route gets the new pre-arrival data; those that assessed again, their channel.
        var countries = consignment.Controls.Select(c => c.Country).ToList();
        await outbox.EnqueueAsync(
            [
                TradeEvents.Message(TradeEvents.Amended, id, countries, consignment.LodgedByOrganisation, new ConsignmentAmendedEvent(id, consignment.Reference, consignment.Version, changes, declaration)),
                .. reassessed.Select(control => TradeEvents.Message(TradeEvents.ChannelAssigned, id, [control.Country], consignment.LodgedByOrganisation, new ChannelAssignedEvent(id, consignment.Reference, control.Id, control.Country, control.Channel!, consignment.Version))),
            ],
            db,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AmendResult(AmendOutcome.Amended, ConsignmentQueries.ToView(consignment));
    }

    public async Task<IReadOnlyList<DeclarationVersionView>> VersionsAsync(Guid id, CancellationToken cancellationToken)
    {
        var rows = await db.Versions.AsNoTracking().Where(v => v.ConsignmentId == id).OrderBy(v => v.Version).ToListAsync(cancellationToken);
        return rows.Select(v => new DeclarationVersionView(
            v.Version,
            v.Kind,
            v.RecordedAt,
            v.RecordedBy,
            JsonSerializer.Deserialize<List<DeclarationChange>>(v.Changes, JsonSerializerOptions.Web)!,
            JsonSerializer.Deserialize<ConsignmentDeclaration>(v.Declaration)!)).ToList();
    }

    /// <summary>
    /// The countries stay (each already has its control, and may have begun work); a crossing may change only where
    /// neither side has begun examining the consignment.
    /// </summary>
    private static void CheckRoute(Consignment consignment, Route route, Dictionary<string, string[]> errors)
    {
        var countries = route.Countries!.Select(c => c.Trim().ToUpperInvariant()).ToList();
        var lodged = consignment.Controls.OrderBy(c => c.Sequence).Select(c => c.Country).ToList();
        if (!countries.SequenceEqual(lodged))
        {
            errors["route.countries"] = [$"the countries of the route cannot change after lodging ({string.Join(" → ", lodged)}): each already has its customs control. Withdraw this consignment and lodge a new one."];
            return;
        }

        var crossings = route.Crossings!.Select(c => c.Trim().ToUpperInvariant()).ToList();
        var controls = consignment.Controls.OrderBy(c => c.Sequence).ToList();
        for (var i = 0; i < crossings.Count; i++)
        {
            if (crossings[i] == controls[i].ExitCrossingId)
            {
                continue;
            }

            var begun = new[] { controls[i], controls[i + 1] }.FirstOrDefault(c => !NotYetExamined.Contains(c.State));
            var reported = consignment.Events.Any(e => e.CrossingId == controls[i].ExitCrossingId);
            if (begun is not null || reported)
            {
                errors[$"route.crossings[{i.ToString(CultureInfo.InvariantCulture)}]"] = [begun is not null
                    ? $"the crossing cannot change from {controls[i].ExitCrossingId}: the customs administration of {begun.Country} has begun its control there ({begun.State})."
                    : $"the crossing cannot change from {controls[i].ExitCrossingId}: the consignment has been reported there."];
            }
        }
    }

    private static string Current(int version) =>
        $"The consignment has changed since you read it; it is now at version {version.ToString(CultureInfo.InvariantCulture)}. Read it again, apply your change to it and send it with If-Match: \"{version.ToString(CultureInfo.InvariantCulture)}\".";
}
