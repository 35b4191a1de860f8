using Caravan.Platform.Localization;

namespace Caravan.Risk.Localization;

/// <summary>
/// Every message the Risk module gives an analyst about a profile, an AEO, an arrangement or an alert, with its
/// English text; the Chinese and Russian texts are in <c>messages.zh.json</c> and <c>messages.ru.json</c> beside
/// this file, under the same keys (ADR 0006). The English texts are those the API has always returned.
/// </summary>
internal static class RiskMessages
{
    public static readonly MessageCatalog Catalog = new(typeof(RiskMessages).Assembly, "Caravan.Risk.Localization.messages.");

    // Lists inside messages: "hsCode, countryOfOrigin", "below or above".
    public static readonly MessageTemplate Comma = Catalog.Declare("list.comma", ", ");
    public static readonly MessageTemplate Or = Catalog.Declare("list.or", " or ");

    // Shared by several checks.
    public static readonly MessageTemplate TooLong = Catalog.Declare("text.too-long", "has at most {0} characters.");
    public static readonly MessageTemplate Nothing = Catalog.Declare("value.nothing", "nothing");

    // A profile as a whole (ProfileCompiler).
    public static readonly MessageTemplate ProfileRequired = Catalog.Declare("profile.required", "is required.");
    public static readonly MessageTemplate TooManyRules = Catalog.Declare("profile.too-many-rules", "a profile has at most {0} rules; this one has {1}.");
    public static readonly MessageTemplate RandomYellow = Catalog.Declare("profile.random.yellow", "is a share from 0 to 1, e.g. 0.05 for one in twenty.");
    public static readonly MessageTemplate RandomRed = Catalog.Declare("profile.random.red", "is a share from 0 to 1, e.g. 0.01 for one in a hundred.");
    public static readonly MessageTemplate RandomOverOne = Catalog.Declare("profile.random.over-one", "the yellow and red shares add up to more than 1.");
    public static readonly MessageTemplate AeoReduction = Catalog.Declare("profile.aeo-reduction", "is a score from 0 to 1000 subtracted for a recognised Authorised Economic Operator.");

    // A rule.
    public static readonly MessageTemplate RuleEmpty = Catalog.Declare("rule.empty", "is empty.");
    public static readonly MessageTemplate RuleId = Catalog.Declare("rule.id", "a rule has an id of 1 to 40 characters, e.g. R-017: explanations name it.");
    public static readonly MessageTemplate RuleIdTaken = Catalog.Declare("rule.id-taken", "'{0}' is the id of an earlier rule; ids are unique in a profile.");
    public static readonly MessageTemplate RuleScore = Catalog.Declare("rule.score", "a score from -1000 to 1000 is required (0 for a rule that only forces a channel).");
    public static readonly MessageTemplate RuleChannel = Catalog.Declare("rule.channel", "'{0}' is not a channel a rule can force; use yellow or red, or leave it out.");
    public static readonly MessageTemplate RuleField = Catalog.Declare("rule.field", "'{0}' is not a field a rule can look at; use one of {1}.");
    public static readonly MessageTemplate RuleOperator = Catalog.Declare("rule.operator", "{0} takes the operator {1}, not '{2}'.");
    public static readonly MessageTemplate RuleOperatorNotTaken = Catalog.Declare("rule.operator-not-taken", "{0} does not take {1}.");
    public static readonly MessageTemplate RuleValues = Catalog.Declare("rule.values", "lists 1 to 500 values the rule matches.");
    public static readonly MessageTemplate RuleHsRangeEmpty = Catalog.Declare("rule.hs-range-empty", "the range {0}–{1} is empty: 'to' comes before 'from'.");
    public static readonly MessageTemplate RuleCrossing = Catalog.Declare("rule.crossing", "is a border crossing id such as CN-KZ-01.");
    public static readonly MessageTemplate RuleTransportMode = Catalog.Declare("rule.transport-mode", "is road or rail.");
    public static readonly MessageTemplate RuleRole = Catalog.Declare("rule.role", "is export, transit or import.");
    public static readonly MessageTemplate RuleTrader = Catalog.Declare("rule.trader", "is the id (a GUID) of a trader organisation.");
    public static readonly MessageTemplate RuleCurrency = Catalog.Declare("rule.currency", "the currency of the reference value is required: three letters, e.g. USD. Items declared in another currency are not compared.");
    public static readonly MessageTemplate RuleValuePerKg = Catalog.Declare("rule.value-per-kg", "the reference value per kilogram is a positive number.");
    public static readonly MessageTemplate RulePreviousRefusals = Catalog.Declare("rule.previous-refusals", "the number of earlier refusals is a whole number from 1 to 1000.");

    // Score bands.
    public static readonly MessageTemplate BandsRequired = Catalog.Declare("bands.required", "at least one band is required, from 0: e.g. 0–30 green, 30–60 yellow, from 60 red.");
    public static readonly MessageTemplate BandChannel = Catalog.Declare("band.channel", "'{0}' is not a channel; use green, yellow or red.");
    public static readonly MessageTemplate BandChannelLower = Catalog.Declare("band.channel-lower", "a higher score cannot lead to a lower channel: {0} after {1}.");
    public static readonly MessageTemplate BandAfterOpenEnded = Catalog.Declare("band.after-open-ended", "the band before is open-ended, so no band can follow it.");
    public static readonly MessageTemplate BandFirstFrom = Catalog.Declare("band.first-from", "the first band starts at 0, not {0}.");
    public static readonly MessageTemplate BandGap = Catalog.Declare("band.gap", "starts at {0}, but the band before ends at {1}: scores in between would have no channel.");
    public static readonly MessageTemplate BandEndsBeforeStart = Catalog.Declare("band.ends-before-start", "ends at {0}, not after where it starts.");
    public static readonly MessageTemplate BandLastOpenEnded = Catalog.Declare("band.last-open-ended", "the last band is open-ended (no 'to'): every score above it still needs a channel.");

    /// <summary>Items joined by the reader's comma: "hsCode, countryOfOrigin".</summary>
    public static MessageList CommaList(IEnumerable<object?> items) => new(Comma, items);

    /// <summary>Items joined by the reader's "or": "below or above".</summary>
    public static MessageList OrList(IEnumerable<object?> items) => new(Or, items);
}
