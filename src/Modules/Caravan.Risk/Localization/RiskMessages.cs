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

    // Countries and grants (ProfilesApi).
    public static readonly MessageTemplate CountryNotMember = Catalog.Declare("country.not-member", "{0} is not a member state of the platform; use one of {1}.");
    public static readonly MessageTemplate OutOfScope = Catalog.Declare("grants.out-of-scope", "Your grants do not cover the risk management of {0}.");

    // Profile versions (ProfileVersions).
    public static readonly MessageTemplate VersionNotFound = Catalog.Declare("version.not-found", "{0} has no risk profile version {1}.");
    public static readonly MessageTemplate VersionNotADraft = Catalog.Declare("version.not-a-draft", "Version {0} is {1}; only a draft is published. To go back to it, store it again as a new draft.");
    public static readonly MessageTemplate VersionConcurrent = Catalog.Declare("version.concurrent", "Another analyst changed this country's profiles at the same moment. Read the versions again and retry.");

    // Authorised Economic Operators (OperatorRegister).
    public static readonly MessageTemplate AeoOrganisationRequired = Catalog.Declare("aeo.organisation-required", "the id of the trader organisation is required.");
    public static readonly MessageTemplate AeoNotOwnTrader = Catalog.Declare("aeo.not-own-trader", "{0} is not a trader registered in {1}; an administration authorises its own traders.");
    public static readonly MessageTemplate AeoCertificate = Catalog.Declare("aeo.certificate", "the AEO certificate number has 1 to 60 characters.");
    public static readonly MessageTemplate AeoValidFrom = Catalog.Declare("aeo.valid-from", "the first day of validity is required (yyyy-mm-dd).");
    public static readonly MessageTemplate AeoValidUntil = Catalog.Declare("aeo.valid-until", "the last day of validity is required, on or after validFrom.");
    public static readonly MessageTemplate AeoId = Catalog.Declare("aeo.id", "'{0}' is not an operator id (a GUID).");
    public static readonly MessageTemplate AeoStatus = Catalog.Declare("aeo.status", "is active, suspended or revoked.");
    public static readonly MessageTemplate AeoReason = Catalog.Declare("aeo.reason", "say why, in at most 500 characters.");
    public static readonly MessageTemplate AeoNotFound = Catalog.Declare("aeo.not-found", "{0} has no AEO {1}.");

    // Mutual recognition arrangements (OperatorRegister).
    public static readonly MessageTemplate ArrangementCountry = Catalog.Declare("arrangement.country", "a member state, e.g. {0}.");
    public static readonly MessageTemplate ArrangementSameCountry = Catalog.Declare("arrangement.same-country", "an arrangement is between two different countries.");
    public static readonly MessageTemplate ArrangementTitle = Catalog.Declare("arrangement.title", "the arrangement's title, 1 to 300 characters.");
    public static readonly MessageTemplate ArrangementInForceFrom = Catalog.Declare("arrangement.in-force-from", "the date it entered into force is required (yyyy-mm-dd).");
    public static readonly MessageTemplate ArrangementRegisterForbidden = Catalog.Declare("arrangement.register-forbidden", "Only the risk management of {0} or {1} registers an arrangement between them.");
    public static readonly MessageTemplate ArrangementInForce = Catalog.Declare("arrangement.in-force", "An arrangement between {0} and {1} is already in force; end it first.");
    public static readonly MessageTemplate ArrangementId = Catalog.Declare("arrangement.id", "'{0}' is not an arrangement id (a GUID).");
    public static readonly MessageTemplate ArrangementNotFound = Catalog.Declare("arrangement.not-found", "There is no arrangement {0}.");
    public static readonly MessageTemplate ArrangementEndForbidden = Catalog.Declare("arrangement.end-forbidden", "Only the risk management of {0} or {1} ends this arrangement.");
    public static readonly MessageTemplate ArrangementUntil = Catalog.Declare("arrangement.until", "the day it stops applying is required, on or after {0}.");

    // Shared alerts (SharedAlerts).
    public static readonly MessageTemplate AlertTo = Catalog.Declare("alert.to", "name at least one partner country, e.g. [\"UZ\"].");
    public static readonly MessageTemplate AlertToSender = Catalog.Declare("alert.to-sender", "an alert goes to partner countries, not to its sender.");
    public static readonly MessageTemplate AlertNotMember = Catalog.Declare("alert.not-member", "'{0}' is not a member state.");
    public static readonly MessageTemplate AlertSummary = Catalog.Declare("alert.summary", "say what to look for and why, in 1 to 500 characters.");
    public static readonly MessageTemplate AlertHsRangeEmpty = Catalog.Declare("alert.hs-range-empty", "the range {0}–{1} is empty: 'hsTo' comes before 'hsFrom'.");
    public static readonly MessageTemplate AlertCriteria = Catalog.Declare("alert.criteria", "an alert looks for something: give an HS range (hsFrom, hsTo), a trader, a route country or a country of origin.");
    public static readonly MessageTemplate AlertValidUntil = Catalog.Declare("alert.valid-until", "an alert ends: give its end, after its start and within a year of it.");
    public static readonly MessageTemplate AlertId = Catalog.Declare("alert.id", "'{0}' is not an alert id (a GUID).");
    public static readonly MessageTemplate AlertAckCountry = Catalog.Declare("alert.ack-country", "the recipient country that acknowledges, e.g. UZ.");
    public static readonly MessageTemplate AlertAction = Catalog.Declare("alert.action", "is one of {0}.");
    public static readonly MessageTemplate AlertNotFound = Catalog.Declare("alert.not-found", "There is no alert {0}.");
    public static readonly MessageTemplate AlertAckForbidden = Catalog.Declare("alert.ack-forbidden", "Only the risk management of a country the alert was sent to acknowledges it.");

    /// <summary>Items joined by the reader's comma: "hsCode, countryOfOrigin".</summary>
    public static MessageList CommaList(IEnumerable<object?> items) => new(Comma, items);

    /// <summary>Items joined by the reader's "or": "below or above".</summary>
    public static MessageList OrList(IEnumerable<object?> items) => new(Or, items);
}
