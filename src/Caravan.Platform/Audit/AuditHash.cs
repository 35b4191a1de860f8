using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Caravan.Platform.Audit;

/// <summary>
/// The hash of an audit entry: what links the chain. It must be reproducible by anyone, years later, from the
/// stored row alone, on either provider, so the encoding is fixed and documented here.
/// <para>
/// <b>Hash</b> = lower-case hex of SHA-256 over the concatenation of these 13 fields, in this order:
/// </para>
/// <code>
///  1  "caravan.audit.v1"   the format tag (a future encoding gets a new tag)
///  2  Sequence             decimal digits, invariant culture, no sign, no leading zeros: "57"
///  3  OccurredAt           UTC, always 6 fraction digits: "2026-11-30T08:00:00.123456Z"
///  4  ActorKind            "user" | "client" | "system" | "anonymous"
///  5  ActorId
///  6  ClientId             may be null
///  7  OrganisationId       may be null
///  8  Action               e.g. "access.user.created"
///  9  EntityType
/// 10  EntityId
/// 11  ChangeDigest         64 lower-case hex digits
/// 12  RemoteAddress        may be null
/// 13  PreviousHash         64 lower-case hex digits; 64 zeros for entry 1
/// </code>
/// <para>
/// Each field is written as a 4-byte big-endian signed length followed by that many bytes of UTF-8; a null field
/// is the length -1 (<c>FF FF FF FF</c>) and no bytes. So no field can run into the next, an empty string is not a
/// null, and no two different entries share an encoding.
/// </para>
/// <para>
/// OccurredAt is truncated to whole microseconds before it is hashed <i>and</i> stored: PostgreSQL's timestamptz
/// keeps microseconds and SQLite's text keeps all 7 digits of .NET ticks, so the value read back is the value
/// hashed on both providers, and the same record with the same clock hashes the same on both.
/// </para>
/// </summary>
internal static class AuditHash
{
    public const string FormatTag = "caravan.audit.v1";

    /// <summary>The PreviousHash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>An instant as it is stored and hashed: UTC, whole microseconds.</summary>
    public static DateTime Truncate(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    public static string FormatTimestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string Compute(AuditEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Field(buffer, FormatTag);
        Field(buffer, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(buffer, FormatTimestamp(entry.OccurredAt));
        Field(buffer, entry.ActorKind);
        Field(buffer, entry.ActorId);
        Field(buffer, entry.ClientId);
        Field(buffer, entry.OrganisationId);
        Field(buffer, entry.Action);
        Field(buffer, entry.EntityType);
        Field(buffer, entry.EntityId);
        Field(buffer, entry.ChangeDigest);
        Field(buffer, entry.RemoteAddress);
        Field(buffer, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        var length = value is null ? -1 : Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), length);
        buffer.Advance(4);
        if (length > 0)
        {
            var written = Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
            buffer.Advance(written);
        }
    }
}

/// <summary>
/// The digest of a change, which is all the audit log keeps of it: whoever holds the change can recompute the
/// digest and show it is the audited one; the log itself holds no personal data from it.
/// <para>
/// Canonical JSON: the value is serialised by System.Text.Json (property names as declared, enums as their names,
/// default number formatting), then written as UTF-8 with no whitespace, object members sorted by name in
/// ordinal (UTF-16 code unit) order at every depth, array elements in their order, and only the characters JSON
/// requires escaped (quote, backslash, control characters; non-ASCII letters are written as UTF-8). A null change
/// is <c>null</c>. The digest is the lower-case hex SHA-256 of those bytes.
/// </para>
/// </summary>
public static class AuditDigest
{
    private static readonly JsonSerializerOptions Serializer = CreateSerializerOptions();

    private static readonly JsonWriterOptions Writer = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The lower-case hex SHA-256 of the change's canonical JSON.</summary>
    public static string Of(object? change) => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson(change)));

    /// <summary>The canonical JSON of a change, as UTF-8 bytes.</summary>
    public static byte[] CanonicalJson(object? change)
    {
        var node = change switch
        {
            null => null,
            JsonNode n => n,
            _ => JsonSerializer.SerializeToNode(change, change.GetType(), Serializer),
        };
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output, Writer))
        {
            Write(writer, node);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer, Serializer);
                break;
        }
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly();
        return options;
    }
}
