using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Caravan.Testing;

namespace Caravan.Platform.Tests;

/// <summary>
/// The hash encoding an auditor re-implements to check the log without Caravan: written out here independently
/// from its documentation, and shown to be the same on SQLite and PostgreSQL.
/// </summary>
public sealed class AuditHashTests
{
    private static AuditEntry Entry(string? clientId = "admin-portal", string actorId = "officer-7") => new()
    {
        Sequence = 57,
        OccurredAt = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560),
        ActorKind = "user",
        ActorId = actorId,
        ClientId = clientId,
        OrganisationId = null,
        Action = "access.user.created",
        EntityType = "user",
        EntityId = "u-0042",
        ChangeDigest = new string('a', 64),
        RemoteAddress = "192.0.2.10",
        PreviousHash = new string('b', 64),
        Hash = "",
    };

    /// <summary>The documented encoding, written from the comment on AuditHash: length-prefixed UTF-8, -1 for null.</summary>
    private static string Documented(params string?[] fields)
    {
        using var bytes = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields)
        {
            var utf8 = field is null ? [] : Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, field is null ? -1 : utf8.Length);
            bytes.Write(length);
            bytes.Write(utf8);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    [Fact]
    public void The_hash_is_sha256_over_the_documented_length_prefixed_fields_in_their_fixed_order()
    {
        var expected = Documented(
            "caravan.audit.v1", "57", "2026-11-30T08:00:00.123456Z", "user", "officer-7", "admin-portal", null,
            "access.user.created", "user", "u-0042", new string('a', 64), "192.0.2.10", new string('b', 64));

        Assert.Equal(expected, AuditHash.Compute(Entry()));
    }

    [Fact]
    public void A_missing_field_and_an_empty_field_hash_differently()
    {
        Assert.NotEqual(AuditHash.Compute(Entry(clientId: null)), AuditHash.Compute(Entry(clientId: "")));
    }

    [Fact]
    public void Moving_text_from_one_field_into_the_next_changes_the_hash()
    {
        Assert.NotEqual(AuditHash.Compute(Entry(actorId: "officer-7", clientId: "x")), AuditHash.Compute(Entry(actorId: "officer-", clientId: "7x")));
    }

    [Fact]
    public void Timestamps_are_hashed_in_utc_with_six_fraction_digits_even_on_a_whole_second()
    {
        Assert.Equal("2026-11-30T08:00:00.000000Z", AuditHash.FormatTimestamp(new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(
            new DateTime(2026, 11, 30, 3, 0, 0, DateTimeKind.Utc).AddTicks(9_999_990),
            AuditHash.Truncate(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(5)).AddTicks(9_999_999)));
    }

    [Fact]
    public void The_change_digest_does_not_depend_on_the_order_of_properties_at_any_depth()
    {
        var one = AuditDigest.Of(new { Roles = new[] { "declarant", "broker" }, Person = new { Name = "Нурлан", Id = 7 } });
        var other = AuditDigest.Of(JsonNode.Parse("""{ "Person": { "Id": 7, "Name": "Нурлан" }, "Roles": ["declarant", "broker"] }"""));

        Assert.Equal(one, other);
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("""{"Person":{"Id":7,"Name":"Нурлан"},"Roles":["declarant","broker"]}"""))),
            one);
    }

    [Fact]
    public void Different_changes_have_different_digests_and_no_change_digests_as_json_null()
    {
        Assert.NotEqual(AuditDigest.Of(new { Roles = new[] { "declarant", "broker" } }), AuditDigest.Of(new { Roles = new[] { "broker", "declarant" } }));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("null"u8)), AuditDigest.Of(null));
    }

    [Fact]
    public async Task The_same_records_with_the_same_clock_hash_identically_on_sqlite_and_postgresql()
    {
        TestDatabase.SkipUnlessAvailable(DatabaseProvider.Postgres);
        await using var sqlite = await AuditTestHost.StartAsync(DatabaseProvider.Sqlite);
        await using var postgres = await AuditTestHost.StartAsync(DatabaseProvider.Postgres);

        var onSqlite = await sqlite.AppendSampleAsync(4);
        var onPostgres = await postgres.AppendSampleAsync(4);
        var storedSqlite = (await sqlite.ListAsync(new AuditFilter())).Entries.Select(e => (e.Sequence, e.OccurredAt, e.Hash));
        var storedPostgres = (await postgres.ListAsync(new AuditFilter())).Entries.Select(e => (e.Sequence, e.OccurredAt, e.Hash));

        Assert.Equal(onSqlite, onPostgres);
        Assert.Equal(storedSqlite, storedPostgres);
        Assert.Equal(onSqlite.Select(r => r.Hash).Reverse(), storedSqlite.Select(e => e.Hash));
        Assert.True((await sqlite.VerifyAsync()).IsIntact);
        Assert.True((await postgres.VerifyAsync()).IsIntact);
    }
}
