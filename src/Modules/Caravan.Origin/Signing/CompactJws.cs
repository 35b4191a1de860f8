using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caravan.Origin.Signing;

/// <summary>
/// JWS Compact Serialization (RFC 7515 §7.1) with ES256 (RFC 7518 §3.4): the signature is R‖S, 64 bytes, over
/// ASCII(base64url(header) '.' base64url(payload)). Nothing else is accepted: no "none", no other algorithm, no
/// JSON serialization, no unencoded payload ("b64": false), no critical extensions.
/// </summary>
internal static class CompactJws
{
    public const string Algorithm = "ES256";

    /// <summary>Signs a JSON payload under a protected header of alg, typ and kid (and cty where given).</summary>
    public static string Sign(ECDsa key, string kid, string typ, JsonObject payload)
    {
        var header = new JsonObject { ["alg"] = Algorithm, ["kid"] = kid, ["typ"] = typ };
        var encodedHeader = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header));
        var encodedPayload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signingInput = encodedHeader + "." + encodedPayload;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Splits and decodes a compact JWS; the reason in plain words when it is not one.</summary>
    public static bool TryParse(string? token, out ParsedJws parsed, out string? problem)
    {
        parsed = default;
        problem = null;
        token = token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            problem = "empty";
            return false;
        }

        if (token.Length > MaxLength)
        {
            problem = "too-long";
            return false;
        }

        var first = token.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.Length - 1 || token.IndexOf('.', second + 1) >= 0)
        {
            problem = "not-compact";
            return false;
        }

        try
        {
            var headerBytes = Base64Url.DecodeFromChars(token.AsSpan(0, first));
            var payloadBytes = Base64Url.DecodeFromChars(token.AsSpan(first + 1, second - first - 1));
            var signature = Base64Url.DecodeFromChars(token.AsSpan(second + 1));
            if (JsonNode.Parse(headerBytes) is not JsonObject header || JsonNode.Parse(payloadBytes) is not JsonObject payload)
            {
                problem = "not-json";
                return false;
            }

            parsed = new ParsedJws(header, payload, Encoding.ASCII.GetBytes(token.AsSpan(0, second).ToString()), signature);
            return true;
        }
        catch (FormatException)
        {
            problem = "not-base64url";
            return false;
        }
        catch (JsonException)
        {
            problem = "not-json";
            return false;
        }
    }

    /// <summary>Whether the signature over the signing input is ES256 by the given public key.</summary>
    public static bool Verify(ECDsa publicKey, in ParsedJws jws) =>
        jws.Signature.Length == 64
        && publicKey.VerifyData(jws.SigningInput, jws.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>A certificate of a few hundred goods items stays well under this; anything longer is refused unread.</summary>
    public const int MaxLength = 512 * 1024;
}

internal readonly record struct ParsedJws(JsonObject Header, JsonObject Payload, byte[] SigningInput, byte[] Signature)
{
    public string? Algorithm => Header["alg"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? KeyId => Header["kid"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? Type => Header["typ"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool HasCritical => Header.ContainsKey("crit") || Header.ContainsKey("b64");
}
