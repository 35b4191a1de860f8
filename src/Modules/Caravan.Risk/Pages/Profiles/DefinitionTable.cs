using System.Globalization;
using Caravan.Risk.Contracts;

namespace Caravan.Risk.Pages.Profiles;

/// <summary>
/// A profile definition as the pages show it — one row per rule, the bands, the random rates — with the errors the
/// checks found, keyed as the API keys them (<c>rules[2].from</c>), so each error sits next to its rule.
/// </summary>
internal sealed record DefinitionTable(ProfileDefinition Definition, IDictionary<string, string[]> Errors)
{
    /// <summary>The errors about rule <paramref name="index"/> (its fields, without the prefix).</summary>
    public IEnumerable<(string Field, string Message)> RuleErrors(int index) => ErrorsUnder($"rules[{index}]");

    public IEnumerable<(string Field, string Message)> BandErrors(int index) => ErrorsUnder($"bands[{index}]");

    /// <summary>Errors about the definition as a whole, its lists, rates and reduction: not about one rule or band.</summary>
    public IEnumerable<(string Field, string Message)> OtherErrors() =>
        Errors.Where(e => !e.Key.StartsWith("rules[", StringComparison.Ordinal) && !e.Key.StartsWith("bands[", StringComparison.Ordinal))
            .SelectMany(e => e.Value.Select(m => (e.Key, m)));

    private IEnumerable<(string Field, string Message)> ErrorsUnder(string prefix) =>
        Errors.Where(e => e.Key == prefix || e.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
            .SelectMany(e => e.Value.Select(m => (e.Key.Length > prefix.Length ? e.Key[(prefix.Length + 1)..] : string.Empty, m)));

    /// <summary>What a rule looks for, in the profile's own terms: "hsCode in-range 5205–5207".</summary>
    public static string Condition(RuleDefinition rule)
    {
        var operand = rule.Values is { Count: > 0 } values ? string.Join(", ", values)
            : rule.From is not null || rule.To is not null ? $"{rule.From}–{rule.To}"
            : rule.Value is { } value ? value.ToString(CultureInfo.InvariantCulture) + (rule.Currency is null ? string.Empty : " " + rule.Currency)
            : string.Empty;
        return $"{rule.Field} {rule.Operator} {operand}".Trim();
    }

    public static string Percent(double? share) => (share ?? 0).ToString("P1", CultureInfo.CurrentCulture);
}
