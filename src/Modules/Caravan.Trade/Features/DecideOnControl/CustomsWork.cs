using Caravan.Platform.Audit;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.DecideOnControl;

internal enum DecisionOutcome
{
    Decided,
    NotFound,
    OutOfScope,
    Invalid,
    NotAllowedNow,
    KeyReused,
}

internal sealed record DecisionResult(DecisionOutcome Outcome, QueuedControl? Control = null, IReadOnlyDictionary<string, string[]>? Errors = null, IReadOnlyList<string>? Allowed = null, string? State = null);

/// <summary>An administration's work: its queue of controls, and its decisions on them, each audited.</summary>
internal sealed class CustomsWork(TradeDbContext db, IAuditLog audit, IOutbox outbox, TradeTelemetry telemetry, TimeProvider clock)
{
    public async Task<IReadOnlyList<QueuedControl>> QueueAsync(string country, string? state, string? crossing, int page, int pageSize, CancellationToken cancellationToken) =>
        await PageAsync(Filter(country, state is null ? null : [state], crossing), page, pageSize, cancellationToken);

    /// <summary>
    /// One page of the queue and how many controls match in all, for the officer's page: after a week of traffic most
    /// controls are finished, so the page filters by a set of states (those still to decide by default) and says how
    /// many pages there are. The API keeps <see cref="QueueAsync"/>.
    /// </summary>
    public async Task<(IReadOnlyList<QueuedControl> Controls, int Total)> QueuePageAsync(string country, IReadOnlyCollection<string>? states, string? crossing, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Filter(country, states, crossing);
        var total = await query.CountAsync(cancellationToken);
        return (await PageAsync(query, page, pageSize, cancellationToken), total);
    }

    private IQueryable<CustomsControl> Filter(string country, IReadOnlyCollection<string>? states, string? crossing)
    {
        var query = db.Controls.AsNoTracking().Where(c => c.Country == country);
        if (states is not null)
        {
            query = query.Where(c => states.Contains(c.State));
        }

        if (crossing is not null)
        {
            query = query.Where(c => c.EntryCrossingId == crossing || c.ExitCrossingId == crossing);
        }

        return query;
    }

    private async Task<IReadOnlyList<QueuedControl>> PageAsync(IQueryable<CustomsControl> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var rows = await query
            .Join(db.Consignments.AsNoTracking(), c => c.ConsignmentId, s => s.Id, (c, s) => new { Control = c, s.Reference, s.LodgedAt })
            .OrderBy(x => x.LodgedAt)
            .ThenBy(x => x.Control.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return rows.Select(x => ToQueued(x.Control, x.Reference, x.LodgedAt)).ToList();
    }

    public const int MaxKeyLength = 100;

    /// <summary>
    /// Records a decision. With an <paramref name="idempotencyKey"/> (a national system's message id) the same key and
    /// decision answer as the first time without deciding again; the same key with another decision is refused.
    /// </summary>
    public async Task<DecisionResult> DecideAsync(Guid controlId, DecisionRequest request, Caller caller, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var control = await db.Controls.SingleOrDefaultAsync(c => c.Id == controlId, cancellationToken);
        if (control is null)
        {
            return new DecisionResult(DecisionOutcome.NotFound);
        }

        if (!caller.Has(TradePermissions.Decide, Scope.Country(control.Country)))
        {
            return new DecisionResult(DecisionOutcome.OutOfScope);
        }

        var requestHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(new { d = request.Decision?.Trim().ToLowerInvariant(), r = request.ReasonCode?.Trim(), n = request.Note?.Trim() }))));
        if (idempotencyKey is not null && await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.ControlId == controlId && d.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier)
        {
            if (earlier.RequestHash != requestHash)
            {
                return new DecisionResult(DecisionOutcome.KeyReused);
            }

            var lodged = await db.Consignments.AsNoTracking().SingleAsync(c => c.Id == control.ConsignmentId, cancellationToken);
            return new DecisionResult(DecisionOutcome.Decided, ToQueued(control, lodged.Reference, lodged.LodgedAt));
        }

        var decision = request.Decision?.Trim().ToLowerInvariant() ?? string.Empty;
        var errors = new Dictionary<string, string[]>();
        if (!ControlStateMachine.Decisions.Contains(decision))
        {
            errors["decision"] = [$"'{Caravan.Reference.Contracts.ReferenceCodes.Truncate(request.Decision ?? string.Empty)}' is not a decision; use one of {string.Join(", ", ControlStateMachine.Decisions)}."];
        }
        else if (ControlStateMachine.NeedsReason(decision) && string.IsNullOrWhiteSpace(request.ReasonCode))
        {
            errors["reasonCode"] = [$"a decision to {decision} says why: give a reason code."];
        }

        if (request.ReasonCode is { Length: > 40 } || request.Note is { Length: > 1000 })
        {
            errors["note"] = ["the reason code has at most 40 characters and the note at most 1,000."];
        }

        if (errors.Count > 0)
        {
            return new DecisionResult(DecisionOutcome.Invalid, Errors: errors);
        }

        if (ControlStateMachine.Next(decision, control.State) is not { } next)
        {
            return new DecisionResult(DecisionOutcome.NotAllowedNow, Allowed: ControlStateMachine.AllowedFrom(control.State), State: control.State);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.Decisions.Add(new ControlDecision
        {
            Id = Guid.NewGuid(),
            ControlId = control.Id,
            Decision = decision,
            ReasonCode = request.ReasonCode?.Trim(),
            Note = request.Note?.Trim(),
            DecidedBy = caller.Id ?? "unknown",
            DecidedAt = now,
            FromState = control.State,
            ToState = next.To,
            IdempotencyKey = idempotencyKey,
            RequestHash = idempotencyKey is null ? null : requestHash,
        });
        var from = control.State;
        control.State = next.To;
        control.Channel = next.Channel ?? control.Channel;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same message arrived twice at once: the other copy was applied; answer as it would.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await DecideAsync(controlId, request, caller, cancellationToken, idempotencyKey);
        }

        await audit.AppendAsync(caller.Did("trade.control.decided", "customs-control", control.Id.ToString(), new { decision, from, to = next.To, request.ReasonCode }), db, cancellationToken);
        var consignment = await db.Consignments.AsNoTracking().SingleAsync(c => c.Id == control.ConsignmentId, cancellationToken);
        var route = await db.Controls.AsNoTracking().Where(c => c.ConsignmentId == control.ConsignmentId).Select(c => c.Country).ToListAsync(cancellationToken);
        await outbox.EnqueueAsync(TradeEvents.Message(TradeEvents.DecisionRecorded, consignment.Id, route, consignment.LodgedByOrganisation, new DecisionRecordedEvent(
            consignment.Id, consignment.Reference, control.Id, control.Country, decision, from, next.To, control.Channel, request.ReasonCode?.Trim(), now)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        telemetry.Decided(control, decision);

        return new DecisionResult(DecisionOutcome.Decided, ToQueued(control, consignment.Reference, consignment.LodgedAt));
    }

    private static QueuedControl ToQueued(CustomsControl c, string reference, DateTimeOffset lodgedAt) =>
        new(c.Id, c.ConsignmentId, reference, c.Country, c.Role, c.State, c.Channel, c.EntryCrossingId, c.ExitCrossingId, lodgedAt, ControlStateMachine.AllowedFrom(c.State));
}
