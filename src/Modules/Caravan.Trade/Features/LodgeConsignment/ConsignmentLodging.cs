using System.Security.Cryptography;
using System.Text.Json;
using Caravan.Platform.Audit;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.LodgeConsignment;

internal enum LodgeOutcome
{
    Lodged,
    Replayed,
    Invalid,
    KeyReused,
    NoOrganisation,
}

internal sealed record LodgeResult(LodgeOutcome Outcome, ConsignmentView? Consignment = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// Lodging: validate everything, then store the consignment with one customs control per country on its route
/// (export, transit…, import) and its audit entry, in one transaction. With an Idempotency-Key, the same key and
/// body return the first result; the same key with another body is refused.
/// </summary>
internal sealed class ConsignmentLodging(TradeDbContext db, DeclarationValidator validator, ChannelAssignment channels, IAuditLog audit, IOutbox outbox, TradeTelemetry telemetry, TimeProvider clock)
{
    public const int MaxKeyLength = 100;

    public async Task<LodgeResult> LodgeAsync(ConsignmentDeclaration declaration, Caller caller, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var organisation = caller.OrganisationsFor(TradePermissions.Lodge).FirstOrDefault();
        if (organisation == Guid.Empty)
        {
            return new LodgeResult(LodgeOutcome.NoOrganisation);
        }

        var body = JsonSerializer.Serialize(declaration);
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
        if (idempotencyKey is not null)
        {
            var earlier = await db.Consignments.AsNoTracking().Include(c => c.Controls)
                .SingleOrDefaultAsync(c => c.LodgedByOrganisation == organisation && c.IdempotencyKey == idempotencyKey, cancellationToken);
            if (earlier is not null)
            {
                return earlier.RequestHash == hash
                    ? new LodgeResult(LodgeOutcome.Replayed, ConsignmentQueries.ToView(earlier))
                    : new LodgeResult(LodgeOutcome.KeyReused);
            }
        }

        var errors = await validator.ValidateAsync(declaration, cancellationToken);
        if (errors.Count > 0)
        {
            return new LodgeResult(LodgeOutcome.Invalid, Errors: errors);
        }

        var now = clock.GetUtcNow();
        var countries = declaration.Route!.Countries!.Select(c => c.Trim().ToUpperInvariant()).ToList();
        var crossings = declaration.Route.Crossings!.Select(c => c.Trim().ToUpperInvariant()).ToList();
        var consignment = new Consignment
        {
            Id = Guid.NewGuid(),
            Reference = $"CV-{now.Year}-{Base32(RandomNumberGenerator.GetBytes(5))}",
            LodgedByOrganisation = organisation,
            LodgedBy = caller.Id ?? "unknown",
            CountryOfDispatch = countries[0],
            CountryOfDestination = countries[^1],
            Declaration = body,
            Status = "lodged",
            LodgedAt = now,
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
            Controls = countries.Select((country, i) => new CustomsControl
            {
                Id = Guid.NewGuid(),
                Sequence = i + 1,
                Country = country,
                Role = i == 0 ? "export" : i == countries.Count - 1 ? "import" : "transit",
                State = "pre-arrival",
                EntryCrossingId = i == 0 ? null : crossings[i - 1],
                ExitCrossingId = i == countries.Count - 1 ? null : crossings[i],
            }).ToList(),
        };
        consignment.Versions.Add(new DeclarationVersion
        {
            Id = Guid.NewGuid(),
            ConsignmentId = consignment.Id,
            Version = 1,
            Kind = "lodged",
            Declaration = body,
            Changes = "[]",
            RecordedAt = now,
            RecordedBy = consignment.LodgedBy,
        });

        await channels.AssignAsync(consignment, declaration, consignment.Controls, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Consignments.Add(consignment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key arrived twice at once: the other request won; answer as it did.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await LodgeAsync(declaration, caller, idempotencyKey, cancellationToken);
        }

        await audit.AppendAsync(caller.Did("trade.consignment.lodged", "consignment", consignment.Id.ToString(), new { consignment.Reference, hash }), db, cancellationToken);
        // Pre-arrival data: each administration on the route hears of its control in the same transaction.
        await outbox.EnqueueAsync(consignment.Controls.Select(control => TradeEvents.Message(TradeEvents.ControlCreated, consignment.Id, [control.Country], organisation, new ControlCreatedEvent(
            consignment.Id, consignment.Reference, control.Id, control.Country, control.Role, control.EntryCrossingId, control.ExitCrossingId, control.Channel, consignment.Version, declaration))).ToList(), db, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        telemetry.Lodged(consignment);
        return new LodgeResult(LodgeOutcome.Lodged, ConsignmentQueries.ToView(consignment));
    }

    /// <summary>Crockford's base 32 (no I, L, O, U): easy to read aloud and to type.</summary>
    private static string Base32(byte[] bytes)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var value = bytes.Aggregate(0UL, (acc, b) => (acc << 8) | b);
        var chars = new char[8];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
