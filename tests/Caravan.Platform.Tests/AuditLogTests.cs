using System.Security.Cryptography;
using System.Text;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Platform.Tests;

/// <summary>
/// The audit log on a real database, on every provider: what is written, that the chain verifies, that any edit,
/// deletion or forgery of a stored entry is named, that concurrent writers keep one chain, and that an entry
/// commits or rolls back with the module change it describes.
/// </summary>
public abstract class AuditLogTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Appended_entries_form_a_chain_from_64_zeros_that_verifies_intact()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var receipts = await host.AppendSampleAsync(5);
        var verification = await host.VerifyAsync();

        Assert.Equal(new AuditVerification(5, null, null), verification);
        Assert.True(verification.IsIntact);
        Assert.Equal([1L, 2, 3, 4, 5], receipts.Select(r => r.Sequence));
        var stored = (await host.ListAsync(new AuditFilter())).Entries.OrderBy(e => e.Sequence).ToList();
        Assert.Equal(new string('0', 64), stored[0].PreviousHash);
        for (var i = 1; i < stored.Count; i++)
        {
            Assert.Equal(stored[i - 1].Hash, stored[i].PreviousHash);
        }

        Assert.Equal(receipts.Select(r => r.Hash), stored.Select(e => e.Hash));
        Assert.All(stored, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
    }

    [Fact]
    public async Task An_empty_log_verifies_intact_with_no_entries()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        Assert.Equal(new AuditVerification(0, null, null), await host.VerifyAsync());
    }

    [Fact]
    public async Task An_entry_stores_who_did_what_to_which_entity_from_where()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        await host.AppendAsync(new AuditRecord(AuditActorKind.Client, "uz-customs-gateway", "reference.data.imported", "reference-dataset", "hs-nomenclature")
        {
            ClientId = "uz-customs-gateway",
            OrganisationId = "uz-customs",
            RemoteAddress = "2001:db8::7",
        });

        var entry = Assert.Single((await host.ListAsync(new AuditFilter())).Entries);
        Assert.Equal(
            ("client", "uz-customs-gateway", "uz-customs-gateway", "uz-customs", "reference.data.imported", "reference-dataset", "hs-nomenclature", "2001:db8::7"),
            (entry.ActorKind, entry.ActorId, entry.ClientId, entry.OrganisationId, entry.Action, entry.EntityType, entry.EntityId, entry.RemoteAddress));
    }

    [Fact]
    public async Task The_time_of_an_entry_comes_from_the_injected_clock_in_utc_truncated_to_microseconds()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var receipt = await host.AppendAsync(AuditTestHost.Sample(1));

        var expected = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);
        Assert.Equal(expected, receipt.OccurredAt);
        var stored = Assert.Single((await host.ListAsync(new AuditFilter())).Entries);
        Assert.Equal(expected, stored.OccurredAt);
        Assert.Equal(TimeSpan.Zero, stored.OccurredAt.Offset);
        Assert.True((await host.VerifyAsync()).IsIntact);
    }

    [Theory]
    [InlineData("ActorKind")]
    [InlineData("ActorId")]
    [InlineData("ClientId")]
    [InlineData("OrganisationId")]
    [InlineData("Action")]
    [InlineData("EntityType")]
    [InlineData("EntityId")]
    [InlineData("ChangeDigest")]
    [InlineData("RemoteAddress")]
    [InlineData("PreviousHash")]
    [InlineData("Hash")]
    public async Task Changing_one_character_of_a_stored_entry_is_reported_at_that_entry(string column)
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendSampleAsync(5);

        // The first character becomes '0' (or '1' if it was '0'): one character of entry 3 of 5, nothing else.
        var changed = await host.ExecuteAsync(
            $"""UPDATE {"{table}"} SET "{column}" = CASE WHEN substr("{column}", 1, 1) = '0' THEN '1' ELSE '0' END || substr("{column}", 2) WHERE "Sequence" = 3""");

        Assert.Equal(1, changed);
        Assert.Equal(new AuditVerification(2, 3, AuditBreakReason.HashMismatch), await host.VerifyAsync());
    }

    [Fact]
    public async Task Changing_the_time_of_a_stored_entry_is_reported_at_that_entry()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendSampleAsync(5);

        await host.ExecuteAsync(provider == DatabaseProvider.Postgres
            ? """UPDATE {table} SET "OccurredAt" = "OccurredAt" - interval '1 hour' WHERE "Sequence" = 3"""
            : """UPDATE {table} SET "OccurredAt" = '2026-11-30 07:00:02.123456' WHERE "Sequence" = 3""");

        Assert.Equal(new AuditVerification(2, 3, AuditBreakReason.HashMismatch), await host.VerifyAsync());
    }

    [Fact]
    public async Task Deleting_an_entry_is_reported_as_a_gap_at_its_sequence()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendSampleAsync(5);

        await host.ExecuteAsync("""DELETE FROM {table} WHERE "Sequence" = 3""");

        Assert.Equal(new AuditVerification(2, 3, AuditBreakReason.SequenceGap), await host.VerifyAsync());
    }

    [Fact]
    public async Task Deleting_the_first_entry_is_reported_at_entry_1()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendSampleAsync(3);

        await host.ExecuteAsync("""DELETE FROM {table} WHERE "Sequence" = 1""");

        Assert.Equal(new AuditVerification(0, 1, AuditBreakReason.SequenceGap), await host.VerifyAsync());
    }

    [Fact]
    public async Task An_entry_rewritten_with_a_recomputed_hash_is_caught_at_the_next_entry()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendSampleAsync(5);

        // A forger who knows the encoding edits entry 3 and gives it a valid hash of its new content.
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AuditDbContext>();
            var entry = await db.Entries.SingleAsync(e => e.Sequence == 3, Ct);
            entry.Action = "access.user.deleted";
            entry.Hash = AuditHash.Compute(entry);
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(new AuditVerification(3, 4, AuditBreakReason.PreviousHashMismatch), await host.VerifyAsync());
    }

    [Fact]
    public async Task Verification_reads_past_one_batch_and_still_names_a_break_beyond_it()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        for (var i = 1; i <= AuditQuery.VerifyBatchSize + 5; i++)
        {
            await host.AppendAsync(AuditTestHost.Sample(i));
        }

        var intact = await host.VerifyAsync();
        await host.ExecuteAsync($"""UPDATE {"{table}"} SET "EntityId" = 'u-forged' WHERE "Sequence" = {AuditQuery.VerifyBatchSize + 2}""");
        var broken = await host.VerifyAsync();

        Assert.Equal(new AuditVerification(AuditQuery.VerifyBatchSize + 5, null, null), intact);
        Assert.Equal(new AuditVerification(AuditQuery.VerifyBatchSize + 1, AuditQuery.VerifyBatchSize + 2, AuditBreakReason.HashMismatch), broken);
    }

    [Fact]
    public async Task The_change_is_stored_only_as_the_sha256_of_its_canonical_json()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var receipt = await host.AppendAsync(new AuditRecord(AuditActorKind.User, "officer-17", "personal-data.read", "person", "p-0042")
        {
            Change = new { Passport = "N12345678", Name = "Айгерим Сапарова" },
        });

        var canonical = """{"Name":"Айгерим Сапарова","Passport":"N12345678"}""";
        var expectedDigest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expectedDigest, receipt.ChangeDigest);
        var values = await host.RawValuesAsync();
        Assert.Contains(expectedDigest, values);
        Assert.DoesNotContain(values, v => v.Contains("N12345678", StringComparison.Ordinal) || v.Contains("Айгерим", StringComparison.Ordinal));
        if (provider == DatabaseProvider.Sqlite)
        {
            foreach (var file in Directory.GetFiles(host.Database.Directory, "caravan.db*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, Ct);
                Assert.Equal(-1, copy.ToArray().AsSpan().IndexOf("N12345678"u8));
            }
        }
    }

    [Fact]
    public async Task Twenty_concurrent_appends_from_separate_scopes_form_one_unbroken_chain()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var receipts = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => host.AppendAsync(AuditTestHost.Sample(i)), Ct)));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), receipts.Select(r => r.Sequence).Order());
        Assert.Equal(new AuditVerification(20, null, null), await host.VerifyAsync());
    }

    [Fact]
    public async Task Concurrent_appends_inside_module_transactions_and_on_their_own_form_one_unbroken_chain()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var writers = Enumerable.Range(1, 20).Select(i => Task.Run(() => i % 2 == 0
            ? host.AppendAsync(AuditTestHost.Sample(i))
            : host.InScopeAsync(async sp =>
            {
                var permits = sp.GetRequiredService<PermitsDbContext>();
                await using var transaction = await permits.Database.BeginTransactionAsync(Ct);
                permits.Permits.Add(new Permit { Holder = $"holder-{i}" });
                await permits.SaveChangesAsync(Ct);
                var receipt = await sp.GetRequiredService<IAuditLog>().AppendAsync(AuditTestHost.Sample(i), permits, Ct);
                await transaction.CommitAsync(Ct);
                return receipt;
            }), Ct));
        var receipts = await Task.WhenAll(writers);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), receipts.Select(r => r.Sequence).Order());
        Assert.Equal(new AuditVerification(20, null, null), await host.VerifyAsync());
        Assert.Equal(10, await host.InScopeAsync(sp => sp.GetRequiredService<PermitsDbContext>().Permits.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_module_change_and_its_audit_entry_roll_back_together()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var receipt = await host.InScopeAsync(async sp =>
        {
            var permits = sp.GetRequiredService<PermitsDbContext>();
            await using var transaction = await permits.Database.BeginTransactionAsync(Ct);
            var permit = new Permit { Holder = "Khorgos Logistics" };
            permits.Permits.Add(permit);
            await permits.SaveChangesAsync(Ct);
            var r = await sp.GetRequiredService<IAuditLog>().AppendAsync(
                new AuditRecord(AuditActorKind.User, "officer-3", "permits.permit.issued", "permit", permit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), permits, Ct);
            await transaction.RollbackAsync(Ct);
            return r;
        });

        Assert.Equal(1, receipt.Sequence);
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<PermitsDbContext>().Permits.CountAsync(Ct)));
        Assert.Empty((await host.ListAsync(new AuditFilter())).Entries);
        Assert.Equal(new AuditVerification(0, null, null), await host.VerifyAsync());
        // The rolled-back place in the chain is taken by the next entry: no gap.
        Assert.Equal(1, (await host.AppendAsync(AuditTestHost.Sample(1))).Sequence);
        Assert.Equal(new AuditVerification(1, null, null), await host.VerifyAsync());
    }

    [Fact]
    public async Task A_module_change_and_its_audit_entry_commit_together()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendAsync(AuditTestHost.Sample(1));

        var permitId = await host.InScopeAsync(async sp =>
        {
            var permits = sp.GetRequiredService<PermitsDbContext>();
            await using var transaction = await permits.Database.BeginTransactionAsync(Ct);
            var permit = new Permit { Holder = "Khorgos Logistics" };
            permits.Permits.Add(permit);
            await permits.SaveChangesAsync(Ct);
            var id = permit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await sp.GetRequiredService<IAuditLog>().AppendAsync(new AuditRecord(AuditActorKind.User, "officer-3", "permits.permit.issued", "permit", id), permits, Ct);
            await transaction.CommitAsync(Ct);
            return id;
        });

        Assert.Equal(["Khorgos Logistics"], await host.InScopeAsync(sp => sp.GetRequiredService<PermitsDbContext>().Permits.Select(p => p.Holder).ToListAsync(Ct)));
        var entry = (await host.ListAsync(new AuditFilter { EntityType = "permit" })).Entries.Single();
        Assert.Equal((2L, "permits.permit.issued", permitId), (entry.Sequence, entry.Action, entry.EntityId));
        Assert.Equal(new AuditVerification(2, null, null), await host.VerifyAsync());
    }

    [Fact]
    public async Task Appending_inside_a_module_context_without_a_transaction_is_refused_and_writes_nothing()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var error = await host.InScopeAsync(sp => Assert.ThrowsAsync<InvalidOperationException>(() =>
            sp.GetRequiredService<IAuditLog>().AppendAsync(AuditTestHost.Sample(1), sp.GetRequiredService<PermitsDbContext>(), Ct)));

        Assert.Contains("BeginTransactionAsync", error.Message, StringComparison.Ordinal);
        Assert.Empty((await host.ListAsync(new AuditFilter())).Entries);
    }

    [Fact]
    public async Task A_record_with_a_malformed_action_is_refused_naming_the_field_and_writes_nothing()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.AppendAsync(new AuditRecord(AuditActorKind.User, "officer-3", "User Created", "user", "u-1")));

        Assert.Contains("AuditRecord.Action", error.Message, StringComparison.Ordinal);
        Assert.Empty((await host.ListAsync(new AuditFilter())).Entries);
    }

    [Fact]
    public async Task An_id_with_a_line_break_is_refused_so_the_log_cannot_be_forged_through_it()
    {
        await using var host = await AuditTestHost.StartAsync(provider);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.AppendAsync(new AuditRecord(AuditActorKind.User, "officer-3\nsystem", "access.user.created", "user", "u-1")));

        Assert.Contains("AuditRecord.ActorId", error.Message, StringComparison.Ordinal);
        Assert.Empty((await host.ListAsync(new AuditFilter())).Entries);
    }

    [Fact]
    public async Task Browsing_lists_newest_first_filtered_and_pages_with_a_cursor()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        var records = new[]
        {
            new AuditRecord(AuditActorKind.User, "officer-1", "access.user.created", "user", "u-1"),
            new AuditRecord(AuditActorKind.System, "reference-import", "reference.data.imported", "reference-dataset", "countries"),
            new AuditRecord(AuditActorKind.User, "officer-1", "access.role.granted", "user", "u-1"),
            new AuditRecord(AuditActorKind.User, "officer-2", "personal-data.read", "person", "p-9"),
            new AuditRecord(AuditActorKind.User, "officer-2", "access.user.created", "user", "u-2"),
        };
        foreach (var record in records)
        {
            await host.AppendAsync(record);
            host.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var access = await host.ListAsync(new AuditFilter { ActionPrefix = "ACCESS." }, pageSize: 2);
        var accessNext = await host.ListAsync(new AuditFilter { ActionPrefix = "access." }, access.NextBefore, pageSize: 2);
        var byActor = await host.ListAsync(new AuditFilter { ActorId = "officer-1" });
        var byEntity = await host.ListAsync(new AuditFilter { EntityType = "user", EntityId = "u-1" });
        var window = await host.ListAsync(new AuditFilter { From = new DateTimeOffset(2026, 11, 30, 8, 5, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 30, 13, 25, 0, TimeSpan.FromHours(5)) });

        Assert.Equal([5L, 3], access.Entries.Select(e => e.Sequence));
        Assert.Equal(3, access.NextBefore);
        Assert.Equal([1L], accessNext.Entries.Select(e => e.Sequence));
        Assert.Null(accessNext.NextBefore);
        Assert.Equal([3L, 1], byActor.Entries.Select(e => e.Sequence));
        Assert.Equal([3L, 1], byEntity.Entries.Select(e => e.Sequence));
        Assert.Equal([3L, 2], window.Entries.Select(e => e.Sequence));
    }
}

public sealed class AuditLogOnSqlite() : AuditLogTests(DatabaseProvider.Sqlite);

public sealed class AuditLogOnPostgres() : AuditLogTests(DatabaseProvider.Postgres);
