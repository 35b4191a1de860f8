using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Caravan.Platform.Messaging;

/// <summary>
/// Writes outbox entries on the participant's connection, inside its transaction (as the audit log does): a change
/// that others must hear about and the message that tells them commit together, or neither does.
/// </summary>
internal sealed partial class Outbox(TimeProvider clock) : IOutbox
{
    public async Task<OutboxReceipt> EnqueueAsync(OutboxMessage message, DbContext participant, CancellationToken cancellationToken = default) =>
        (await EnqueueAsync([message], participant, cancellationToken).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<OutboxReceipt>> EnqueueAsync(IReadOnlyList<OutboxMessage> messages, DbContext participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(participant);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            if (message.Type is not { Length: <= 64 } || !EventType().IsMatch(message.Type))
            {
                throw new ArgumentException($"An event type is lower-case dotted words of at most 64 characters (control.created); got '{message.Type}'.", nameof(messages));
            }
        }

        var transaction = participant.Database.CurrentTransaction
            ?? throw new InvalidOperationException($"{participant.GetType().Name} has no transaction: begin one before enqueueing, so that the change and its message commit together.");
        await using var context = CreateOn(participant, participant.Database.GetDbConnection());
        await context.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var trace = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
        var entries = messages.Select(message => new OutboxEntry
        {
            MessageId = Guid.NewGuid(),
            Type = message.Type,
            SubjectId = message.SubjectId,
            Countries = "," + string.Join(',', message.Countries.Distinct().Order(StringComparer.Ordinal)) + ",",
            Organisation = message.Organisation,
            Payload = JsonSerializer.Serialize(message.Payload, JsonSerializerOptions.Web),
            OccurredAt = now,
            TraceParent = trace,
        }).ToList();
        context.Outbox.AddRange(entries);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return entries.Select(e => new OutboxReceipt(e.MessageId, e.Sequence)).ToList();
    }

    internal static MessagingDbContext CreateOn(DbContext participant, DbConnection connection)
    {
        if (participant.Database.IsNpgsql())
        {
            return new PostgresMessagingDbContext(new DbContextOptionsBuilder<PostgresMessagingDbContext>()
                .UseNpgsql(connection, o => o.MigrationsHistoryTable("__migrations", MessagingDbContext.Module)).Options);
        }

        if (participant.Database.IsSqlite())
        {
            return new SqliteMessagingDbContext(new DbContextOptionsBuilder<SqliteMessagingDbContext>()
                .UseSqlite(connection, o => o.MigrationsHistoryTable($"__migrations_{MessagingDbContext.Module}")).Options);
        }

        throw new NotSupportedException($"The outbox runs on SQLite or PostgreSQL; {participant.GetType().Name} uses {participant.Database.ProviderName}.");
    }

    [GeneratedRegex("^[a-z][a-z-]*(\\.[a-z][a-z-]*)+$")]
    private static partial Regex EventType();
}
