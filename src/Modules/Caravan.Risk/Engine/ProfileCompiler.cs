using System.Globalization;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;

namespace Caravan.Risk.Engine;

/// <summary>
/// Checks a profile completely (every problem at once, by field) and turns it into predicates that run without
/// parsing or allocation per assessment. Only what passes here is ever stored, so a stored profile always compiles.
/// </summary>
internal static class ProfileCompiler
{
    public const int MaxRules = 1000;

    public static readonly IReadOnlyList<string> Fields =
        ["hsCode", "countryOfOrigin", "countryOfDispatch", "countryOfDestination", "routeCountry", "crossing", "transportMode", "role", "trader", "valuePerKg", "previousRefusals", "alert"];

    private static readonly Dictionary<string, string[]> OperatorsByField = new(StringComparer.Ordinal)
    {
        ["hsCode"] = ["in-range", "in"],
        ["countryOfOrigin"] = ["in"],
        ["countryOfDispatch"] = ["in"],
        ["countryOfDestination"] = ["in"],
        ["routeCountry"] = ["in"],
        ["crossing"] = ["in"],
        ["transportMode"] = ["in"],
        ["role"] = ["in"],
        ["trader"] = ["in"],
        ["valuePerKg"] = ["below", "above"],
        ["previousRefusals"] = ["at-least"],
        ["alert"] = ["matches"],
    };

    public static (CompiledProfile? Profile, IReadOnlyDictionary<string, string[]> Errors) Compile(ProfileDefinition? definition, int version = 0)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (definition is null)
        {
            Add("profile", "is required.");
            return (null, Finish(errors));
        }

        var rules = definition.Rules ?? [];
        if (rules.Count > MaxRules)
        {
            Add("rules", $"a profile has at most {MaxRules.ToString(CultureInfo.InvariantCulture)} rules; this one has {rules.Count.ToString(CultureInfo.InvariantCulture)}.");
        }

        var compiled = new List<CompiledRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(rules.Count, MaxRules); i++)
        {
            var at = $"rules[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (rules[i] is not { } rule)
            {
                Add(at, "is empty.");
                continue;
            }

            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(rule.Id) || rule.Id.Length > 40)
            {
                Add($"{at}.id", "a rule has an id of 1 to 40 characters, e.g. R-017: explanations name it.");
            }
            else if (!ids.Add(rule.Id.Trim()))
            {
                Add($"{at}.id", $"'{rule.Id}' is the id of an earlier rule; ids are unique in a profile.");
            }

            if (rule.Description is { Length: > 300 })
            {
                Add($"{at}.description", "has at most 300 characters.");
            }

            if (rule.Score is null or < -1000 or > 1000)
            {
                Add($"{at}.score", "a score from -1000 to 1000 is required (0 for a rule that only forces a channel).");
            }

            if (rule.Channel is not null && rule.Channel is not (Channels.Yellow or Channels.Red))
            {
                Add($"{at}.channel", $"'{ReferenceCodes.Truncate(rule.Channel)}' is not a channel a rule can force; use yellow or red, or leave it out.");
            }

            var field = rule.Field?.Trim();
            Func<RiskFacts, int, bool>? predicate = null;
            var itemRule = false;
            if (field is null || !OperatorsByField.TryGetValue(field, out var operators))
            {
                Add($"{at}.field", $"'{ReferenceCodes.Truncate(rule.Field ?? string.Empty)}' is not a field a rule can look at; use one of {string.Join(", ", Fields)}.");
            }
            else if (rule.Operator is null || !operators.Contains(rule.Operator.Trim()))
            {
                Add($"{at}.operator", $"{field} takes the operator {string.Join(" or ", operators)}, not '{ReferenceCodes.Truncate(rule.Operator ?? string.Empty)}'.");
            }
            else
            {
                (predicate, itemRule) = Predicate(field, rule.Operator.Trim(), rule, at, Add);
            }

            if (errors.Count == before && predicate is not null)
            {
                compiled.Add(new CompiledRule(rule.Id!.Trim(), rule.Description?.Trim() ?? string.Empty, rule.Score!.Value, rule.Channel, itemRule, field == "alert", predicate));
            }
        }

        var bands = CompileBands(definition.Bands, Add);
        var yellow = definition.Random?.Yellow ?? 0;
        var red = definition.Random?.Red ?? 0;
        if (yellow is < 0 or > 1 || double.IsNaN(yellow))
        {
            Add("random.yellow", "is a share from 0 to 1, e.g. 0.05 for one in twenty.");
        }

        if (red is < 0 or > 1 || double.IsNaN(red))
        {
            Add("random.red", "is a share from 0 to 1, e.g. 0.01 for one in a hundred.");
        }
        else if (yellow + red > 1)
        {
            Add("random", "the yellow and red shares add up to more than 1.");
        }

        if (definition.AeoReduction is < 0 or > 1000)
        {
            Add("aeoReduction", "is a score from 0 to 1000 subtracted for a recognised Authorised Economic Operator.");
        }

        return errors.Count > 0
            ? (null, Finish(errors))
            : (new CompiledProfile(version, compiled, bands, yellow, red, definition.AeoReduction ?? 0), Finish(errors));
    }

    private static List<(int From, string Channel)> CompileBands(IReadOnlyList<ChannelBand>? bands, Action<string, string> add)
    {
        var result = new List<(int, string)>();
        if (bands is null || bands.Count == 0)
        {
            add("bands", "at least one band is required, from 0: e.g. 0–30 green, 30–60 yellow, from 60 red.");
            return result;
        }

        int? expected = 0;
        for (var i = 0; i < bands.Count; i++)
        {
            var at = $"bands[{i.ToString(CultureInfo.InvariantCulture)}]";
            var band = bands[i];
            if (band?.Channel is null || Channels.Rank(band.Channel) < 0)
            {
                add($"{at}.channel", $"'{ReferenceCodes.Truncate(band?.Channel ?? string.Empty)}' is not a channel; use green, yellow or red.");
            }
            else if (result.Count > 0 && Channels.Rank(band.Channel) < Channels.Rank(result[^1].Item2))
            {
                add($"{at}.channel", $"a higher score cannot lead to a lower channel: {band.Channel} after {result[^1].Item2}.");
            }

            if (band?.From != expected)
            {
                add($"{at}.from", expected is null
                    ? "the band before is open-ended, so no band can follow it."
                    : i == 0
                        ? $"the first band starts at 0, not {band?.From?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}."
                        : $"starts at {band?.From?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}, but the band before ends at {expected.Value.ToString(CultureInfo.InvariantCulture)}: scores in between would have no channel.");
            }

            if (band?.To is { } to && to <= (band.From ?? 0))
            {
                add($"{at}.to", $"ends at {to.ToString(CultureInfo.InvariantCulture)}, not after where it starts.");
            }

            if (i == bands.Count - 1 && band?.To is not null)
            {
                add($"{at}.to", "the last band is open-ended (no 'to'): every score above it still needs a channel.");
            }

            if (band?.From is { } from && band.Channel is not null)
            {
                result.Add((from, band.Channel));
            }

            expected = band?.To;
        }

        return result;
    }

    private static (Func<RiskFacts, int, bool>? Predicate, bool ItemRule) Predicate(string field, string op, RuleDefinition rule, string at, Action<string, string> add)
    {
        switch (field, op)
        {
            case ("hsCode", "in-range"):
            {
                var from = Hs(rule.From, $"{at}.from", add);
                var to = Hs(rule.To, $"{at}.to", add);
                if (from is null || to is null)
                {
                    return (null, true);
                }

                // A range of headings or subheadings: 8541 to 8542 covers 854100 to 854299.
                var low = int.Parse(from.PadRight(6, '0'), CultureInfo.InvariantCulture);
                var high = int.Parse(to.PadRight(6, '9'), CultureInfo.InvariantCulture);
                if (low > high)
                {
                    add($"{at}.to", $"the range {from}–{to} is empty: 'to' comes before 'from'.");
                    return (null, true);
                }

                return ((facts, item) => facts.HsNumbers[item] >= low && facts.HsNumbers[item] <= high, true);
            }

            case ("hsCode", "in"):
            {
                var prefixes = Values(rule, at, add, v => Hs(v.value, v.field, add));
                return prefixes is null ? (null, true) : ((facts, item) => prefixes.Any(p => facts.Subject.Items[item].HsCode.StartsWith(p, StringComparison.Ordinal)), true);
            }

            case ("countryOfOrigin", "in"):
            {
                var set = CountrySet(rule, at, add);
                return set is null ? (null, true) : ((facts, item) => set.Contains(facts.Subject.Items[item].CountryOfOrigin), true);
            }

            case ("countryOfDispatch", "in"):
            {
                var set = CountrySet(rule, at, add);
                return (set is null ? null : (facts, _) => set.Contains(facts.Subject.CountryOfDispatch), false);
            }

            case ("countryOfDestination", "in"):
            {
                var set = CountrySet(rule, at, add);
                return (set is null ? null : (facts, _) => set.Contains(facts.Subject.CountryOfDestination), false);
            }

            case ("routeCountry", "in"):
            {
                var set = CountrySet(rule, at, add);
                return (set is null ? null : (facts, _) => facts.Subject.RouteCountries.Any(set.Contains), false);
            }

            case ("crossing", "in"):
            {
                var set = Values(rule, at, add, v => v.value.Trim().ToUpperInvariant() is { Length: > 0 and <= 16 } id ? id : Fail(v.field, "is a border crossing id such as CN-KZ-01.", add))?.ToHashSet(StringComparer.Ordinal);
                return (set is null ? null : (facts, _) => facts.Subject.Crossings.Any(set.Contains), false);
            }

            case ("transportMode", "in"):
            {
                var set = Values(rule, at, add, v => v.value.Trim().ToLowerInvariant() is "road" or "rail" ? v.value.Trim().ToLowerInvariant() : Fail(v.field, "is road or rail.", add))?.ToHashSet(StringComparer.Ordinal);
                return (set is null ? null : (facts, _) => set.Contains(facts.Subject.TransportMode), false);
            }

            case ("role", "in"):
            {
                var set = Values(rule, at, add, v => v.value.Trim().ToLowerInvariant() is "export" or "transit" or "import" ? v.value.Trim().ToLowerInvariant() : Fail(v.field, "is export, transit or import.", add))?.ToHashSet(StringComparer.Ordinal);
                return (set is null ? null : (facts, _) => set.Contains(facts.Subject.Role), false);
            }

            case ("trader", "in"):
            {
                var set = Values(rule, at, add, v => Guid.TryParse(v.value, out _) ? v.value : Fail(v.field, "is the id (a GUID) of a trader organisation.", add))?.Select(Guid.Parse).ToHashSet();
                return (set is null ? null : (facts, _) => set.Contains(facts.Subject.Trader), false);
            }

            case ("valuePerKg", "below" or "above"):
            {
                var currency = rule.Currency?.Trim().ToUpperInvariant();
                if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
                {
                    add($"{at}.currency", "the currency of the reference value is required: three letters, e.g. USD. Items declared in another currency are not compared.");
                }

                if (rule.Value is not > 0)
                {
                    add($"{at}.value", "the reference value per kilogram is a positive number.");
                }

                if (currency is not { Length: 3 } || rule.Value is not > 0)
                {
                    return (null, true);
                }

                var limit = rule.Value.Value;
                return op == "below"
                    ? ((facts, item) => facts.ValuePerKg(item, currency) is { } v && v < limit, true)
                    : ((facts, item) => facts.ValuePerKg(item, currency) is { } v && v > limit, true);
            }

            case ("previousRefusals", "at-least"):
            {
                if (rule.Value is not (>= 1 and <= 1000) || rule.Value != decimal.Truncate(rule.Value.Value))
                {
                    add($"{at}.value", "the number of earlier refusals is a whole number from 1 to 1000.");
                    return (null, false);
                }

                var least = (int)rule.Value.Value;
                return ((facts, _) => facts.Subject.PreviousRefusals >= least, false);
            }

            case ("alert", "matches"):
                // Fires once for every shared alert in force that matches; the facts carry them.
                return ((facts, _) => facts.MatchingAlerts.Count > 0, false);

            default:
                add($"{at}.operator", $"{field} does not take {op}.");
                return (null, false);
        }
    }

    private static HashSet<string>? CountrySet(RuleDefinition rule, string at, Action<string, string> add) =>
        Values(rule, at, add, v =>
        {
            var parsed = ReferenceCodes.ParseCountryCode(v.value);
            return parsed.IsValid ? parsed.Value! : Fail(v.field, parsed.Error!, add);
        })?.ToHashSet(StringComparer.Ordinal);

    private static List<string>? Values(RuleDefinition rule, string at, Action<string, string> add, Func<(string value, string field), string?> parse)
    {
        if (rule.Values is not { Count: > 0 and <= 500 })
        {
            add($"{at}.values", "lists 1 to 500 values the rule matches.");
            return null;
        }

        var parsed = rule.Values.Select((v, i) => parse((v ?? string.Empty, $"{at}.values[{i.ToString(CultureInfo.InvariantCulture)}]"))).ToList();
        return parsed.Any(p => p is null) ? null : parsed.Select(p => p!).ToList();
    }

    private static string? Hs(string? value, string field, Action<string, string> add)
    {
        var parsed = ReferenceCodes.ParseHsCode(value);
        if (!parsed.IsValid)
        {
            add(field, parsed.Error!);
            return null;
        }

        return parsed.Value;
    }

    private static string? Fail(string field, string message, Action<string, string> add)
    {
        add(field, message);
        return null;
    }

    private static IReadOnlyDictionary<string, string[]> Finish(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
