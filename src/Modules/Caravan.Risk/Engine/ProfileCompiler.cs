using System.Globalization;
using Caravan.Platform.Localization;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;
using Caravan.Risk.Localization;

namespace Caravan.Risk.Engine;

/// <summary>
/// Checks a profile completely (every problem at once, by field) and turns it into predicates that run without
/// parsing or allocation per assessment. Only what passes here is ever stored, so a stored profile always compiles.
/// </summary>
/// <remarks>
/// The problems are collected as <see cref="Message"/>s and rendered when the errors are returned, in the current
/// request's interface language (ADR 0006); English is what the API has always said.
/// </remarks>
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
        var errors = new Dictionary<string, List<Message>>(StringComparer.Ordinal);
        void Add(string field, Message message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (definition is null)
        {
            Add("profile", RiskMessages.ProfileRequired.With());
            return (null, Finish(errors));
        }

        var rules = definition.Rules ?? [];
        if (rules.Count > MaxRules)
        {
            Add("rules", RiskMessages.TooManyRules.With(MaxRules, rules.Count));
        }

        var compiled = new List<CompiledRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(rules.Count, MaxRules); i++)
        {
            var at = $"rules[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (rules[i] is not { } rule)
            {
                Add(at, RiskMessages.RuleEmpty.With());
                continue;
            }

            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(rule.Id) || rule.Id.Length > 40)
            {
                Add($"{at}.id", RiskMessages.RuleId.With());
            }
            else if (!ids.Add(rule.Id.Trim()))
            {
                Add($"{at}.id", RiskMessages.RuleIdTaken.With(rule.Id));
            }

            if (rule.Description is { Length: > 300 })
            {
                Add($"{at}.description", RiskMessages.TooLong.With(300));
            }

            if (rule.Score is null or < -1000 or > 1000)
            {
                Add($"{at}.score", RiskMessages.RuleScore.With());
            }

            if (rule.Channel is not null && rule.Channel is not (Channels.Yellow or Channels.Red))
            {
                Add($"{at}.channel", RiskMessages.RuleChannel.With(ReferenceCodes.Truncate(rule.Channel)));
            }

            var field = rule.Field?.Trim();
            Func<RiskFacts, int, bool>? predicate = null;
            var itemRule = false;
            if (field is null || !OperatorsByField.TryGetValue(field, out var operators))
            {
                Add($"{at}.field", RiskMessages.RuleField.With(ReferenceCodes.Truncate(rule.Field ?? string.Empty), RiskMessages.CommaList(Fields)));
            }
            else if (rule.Operator is null || !operators.Contains(rule.Operator.Trim()))
            {
                Add($"{at}.operator", RiskMessages.RuleOperator.With(field, RiskMessages.OrList(operators), ReferenceCodes.Truncate(rule.Operator ?? string.Empty)));
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
            Add("random.yellow", RiskMessages.RandomYellow.With());
        }

        if (red is < 0 or > 1 || double.IsNaN(red))
        {
            Add("random.red", RiskMessages.RandomRed.With());
        }
        else if (yellow + red > 1)
        {
            Add("random", RiskMessages.RandomOverOne.With());
        }

        if (definition.AeoReduction is < 0 or > 1000)
        {
            Add("aeoReduction", RiskMessages.AeoReduction.With());
        }

        return errors.Count > 0
            ? (null, Finish(errors))
            : (new CompiledProfile(version, compiled, bands, yellow, red, definition.AeoReduction ?? 0), Finish(errors));
    }

    private static List<(int From, string Channel)> CompileBands(IReadOnlyList<ChannelBand>? bands, Action<string, Message> add)
    {
        var result = new List<(int, string)>();
        if (bands is null || bands.Count == 0)
        {
            add("bands", RiskMessages.BandsRequired.With());
            return result;
        }

        int? expected = 0;
        for (var i = 0; i < bands.Count; i++)
        {
            var at = $"bands[{i.ToString(CultureInfo.InvariantCulture)}]";
            var band = bands[i];
            if (band?.Channel is null || Channels.Rank(band.Channel) < 0)
            {
                add($"{at}.channel", RiskMessages.BandChannel.With(ReferenceCodes.Truncate(band?.Channel ?? string.Empty)));
            }
            else if (result.Count > 0 && Channels.Rank(band.Channel) < Channels.Rank(result[^1].Item2))
            {
                add($"{at}.channel", RiskMessages.BandChannelLower.With(band.Channel, result[^1].Item2));
            }

            if (band?.From != expected)
            {
                add($"{at}.from", expected is null
                    ? RiskMessages.BandAfterOpenEnded.With()
                    : i == 0
                        ? RiskMessages.BandFirstFrom.With(From(band))
                        : RiskMessages.BandGap.With(From(band), expected.Value));
            }

            if (band?.To is { } to && to <= (band.From ?? 0))
            {
                add($"{at}.to", RiskMessages.BandEndsBeforeStart.With(to));
            }

            if (i == bands.Count - 1 && band?.To is not null)
            {
                add($"{at}.to", RiskMessages.BandLastOpenEnded.With());
            }

            if (band?.From is { } from && band.Channel is not null)
            {
                result.Add((from, band.Channel));
            }

            expected = band?.To;
        }

        return result;
    }

    private static (Func<RiskFacts, int, bool>? Predicate, bool ItemRule) Predicate(string field, string op, RuleDefinition rule, string at, Action<string, Message> add)
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
                var range = HsRange.Of(from, to);
                if (range.IsEmpty)
                {
                    add($"{at}.to", RiskMessages.RuleHsRangeEmpty.With(from, to));
                    return (null, true);
                }

                return ((facts, item) => range.Contains(facts.HsNumbers[item]), true);
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
                var set = Values(rule, at, add, v => v.value.Trim().ToUpperInvariant() is { Length: > 0 and <= 16 } id ? id : Fail(v.field, RiskMessages.RuleCrossing.With(), add))?.ToHashSet(StringComparer.Ordinal);
                return (set is null ? null : (facts, _) => facts.Subject.Crossings.Any(set.Contains), false);
            }

            case ("transportMode", "in"):
            {
                var set = Values(rule, at, add, v => v.value.Trim().ToLowerInvariant() is "road" or "rail" ? v.value.Trim().ToLowerInvariant() : Fail(v.field, RiskMessages.RuleTransportMode.With(), add))?.ToHashSet(StringComparer.Ordinal);
                return (set is null ? null : (facts, _) => set.Contains(facts.Subject.TransportMode), false);
            }

            case ("role", "in"):
            {
                var set = Values(rule, at, add, v => v.value.Trim().ToLowerInvariant() is "export" or "transit" or "import" ? v.value.Trim().ToLowerInvariant() : Fail(v.field, RiskMessages.RuleRole.With(), add))?.ToHashSet(StringComparer.Ordinal);
                return (set is null ? null : (facts, _) => set.Contains(facts.Subject.Role), false);
            }

            case ("trader", "in"):
            {
                var set = Values(rule, at, add, v => Guid.TryParse(v.value, out _) ? v.value : Fail(v.field, RiskMessages.RuleTrader.With(), add))?.Select(Guid.Parse).ToHashSet();
                return (set is null ? null : (facts, _) => set.Contains(facts.Subject.Trader), false);
            }

            case ("valuePerKg", "below" or "above"):
            {
                var currency = rule.Currency?.Trim().ToUpperInvariant();
                if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
                {
                    add($"{at}.currency", RiskMessages.RuleCurrency.With());
                }

                if (rule.Value is not > 0)
                {
                    add($"{at}.value", RiskMessages.RuleValuePerKg.With());
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
                    add($"{at}.value", RiskMessages.RulePreviousRefusals.With());
                    return (null, false);
                }

                var least = (int)rule.Value.Value;
                return ((facts, _) => facts.Subject.PreviousRefusals >= least, false);
            }

            case ("alert", "matches"):
                // Fires once for every shared alert in force that matches; the facts carry them.
                return ((facts, _) => facts.MatchingAlerts.Count > 0, false);

            default:
                add($"{at}.operator", RiskMessages.RuleOperatorNotTaken.With(field, op));
                return (null, false);
        }
    }

    private static HashSet<string>? CountrySet(RuleDefinition rule, string at, Action<string, Message> add) =>
        Values(rule, at, add, v =>
        {
            var parsed = ReferenceCodes.ParseCountryCode(v.value);
            return parsed.IsValid ? parsed.Value! : Fail(v.field, parsed.Reason!, add);
        })?.ToHashSet(StringComparer.Ordinal);

    private static List<string>? Values(RuleDefinition rule, string at, Action<string, Message> add, Func<(string value, string field), string?> parse)
    {
        if (rule.Values is not { Count: > 0 and <= 500 })
        {
            add($"{at}.values", RiskMessages.RuleValues.With());
            return null;
        }

        var parsed = rule.Values.Select((v, i) => parse((v ?? string.Empty, $"{at}.values[{i.ToString(CultureInfo.InvariantCulture)}]"))).ToList();
        return parsed.Any(p => p is null) ? null : parsed.Select(p => p!).ToList();
    }

    private static string? Hs(string? value, string field, Action<string, Message> add)
    {
        var parsed = ReferenceCodes.ParseHsCode(value);
        if (!parsed.IsValid)
        {
            add(field, parsed.Reason!);
            return null;
        }

        return parsed.Value;
    }

    private static string? Fail(string field, Message message, Action<string, Message> add)
    {
        add(field, message);
        return null;
    }

    /// <summary>A band's start as the reader sees it: the number, or "nothing" in their language.</summary>
    private static object From(ChannelBand? band) => band?.From is { } from ? from : RiskMessages.Nothing.With();

    /// <summary>The problems by field, rendered in the current request's interface language.</summary>
    private static IReadOnlyDictionary<string, string[]> Finish(Dictionary<string, List<Message>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.ToString()).ToArray(), StringComparer.Ordinal);
}
