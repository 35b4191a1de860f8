using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Trade.Contracts;

namespace Caravan.Trade.Features.AmendConsignment;

/// <summary>
/// What an amendment changed, field by field, with the paths validation problems use (<c>goodsItems[0].netMassKg</c>),
/// so that an officer reads "net mass of item 1: 18000 → 17950" rather than two declarations side by side.
/// </summary>
internal static class DeclarationDiff
{
    public static IReadOnlyList<DeclarationChange> Compare(ConsignmentDeclaration before, ConsignmentDeclaration after)
    {
        var changes = new List<DeclarationChange>();
        Walk(JsonSerializer.SerializeToNode(before, JsonSerializerOptions.Web), JsonSerializer.SerializeToNode(after, JsonSerializerOptions.Web), string.Empty, changes);
        return changes;
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, List<DeclarationChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var name in b.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal))
                {
                    Walk(b[name], a[name], path.Length == 0 ? name : $"{path}.{name}", changes);
                }

                break;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                {
                    Walk(i < b.Count ? b[i] : null, i < a.Count ? a[i] : null, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", changes);
                }

                break;
            default:
                if (!SameValue(before, after))
                {
                    changes.Add(new DeclarationChange(path, Text(before), Text(after)));
                }

                break;
        }
    }

    private static bool SameValue(JsonNode? before, JsonNode? after)
    {
        if (before is null || after is null)
        {
            return before is null && after is null;
        }

        // 18000 and 18000.0 are the same mass.
        if (before is JsonValue b && after is JsonValue a && b.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
        {
            return b.GetValue<decimal>() == a.GetValue<decimal>();
        }

        return JsonNode.DeepEquals(before, after);
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
