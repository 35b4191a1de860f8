namespace Caravan.Risk.Contracts;

/// <summary>
/// A risk profile as an analyst writes it: rules with scores, score bands that map a total to a channel, random
/// selection rates, and the score an Authorised Economic Operator is relieved of. Checked completely before it is
/// stored (<c>rules[3].from</c>: what is wrong); a stored version never changes.
/// </summary>
/// <param name="Bands">Contiguous score bands from 0 upwards, the last open-ended, channels never decreasing: e.g.
/// 0–30 green, 30–60 yellow, 60– red. A score below 0 (after an AEO reduction) falls in the first band.</param>
/// <param name="AeoReduction">Subtracted from the score of an AEO recognised here (0 to 1000).</param>
public sealed record ProfileDefinition(
    IReadOnlyList<RuleDefinition>? Rules,
    IReadOnlyList<ChannelBand>? Bands,
    RandomRates? Random,
    int? AeoReduction);

/// <summary>One rule. Which parameters it takes depends on the field and operator (see <c>docs/risk-profiles.md</c>).</summary>
/// <param name="Id">Unique in the profile, e.g. R-017; named in every explanation.</param>
/// <param name="Field">hsCode, countryOfOrigin, countryOfDispatch, countryOfDestination, routeCountry, crossing,
/// transportMode, role, trader, valuePerKg, previousRefusals or alert.</param>
/// <param name="Operator">in, in-range, below, above, at-least or matches.</param>
/// <param name="Channel">A channel the rule forces when it fires (yellow or red), whatever the score.</param>
public sealed record RuleDefinition(
    string? Id,
    string? Description,
    string? Field,
    string? Operator,
    IReadOnlyList<string>? Values = null,
    string? From = null,
    string? To = null,
    decimal? Value = null,
    string? Currency = null,
    int? Score = null,
    string? Channel = null);

/// <param name="From">Inclusive lower bound.</param>
/// <param name="To">Exclusive upper bound; null for the last band.</param>
public sealed record ChannelBand(int? From, int? To, string? Channel);

/// <summary>The share of declarations sent to yellow or red at random, whatever their score (0 to 1 each).</summary>
public sealed record RandomRates(double? Yellow, double? Red);
