using System.Collections.Frozen;
using System.Globalization;
using Caravan.Platform.Localization;
using Caravan.Trade.Contracts;
using Caravan.Trade.Domain;

namespace Caravan.Trade.Localization;

/// <summary>
/// Every message the Trade module gives a trader about a declaration, with its English text; the Chinese and
/// Russian texts are in <c>messages.zh.json</c> and <c>messages.ru.json</c> beside this file, under the same keys
/// (ADR 0006). The English texts are those the API has always returned.
/// </summary>
internal static class TradeMessages
{
    public static readonly MessageCatalog Catalog = new(typeof(TradeMessages).Assembly, "Caravan.Trade.Localization.messages.");

    // Lists inside messages: "CN, KZ", "KGS or KZT", "USD and EUR".
    public static readonly MessageTemplate Comma = Catalog.Declare("list.comma", ", ");
    public static readonly MessageTemplate Or = Catalog.Declare("list.or", " or ");
    public static readonly MessageTemplate And = Catalog.Declare("list.and", " and ");

    // The declaration as a whole (DeclarationValidator).
    public static readonly MessageTemplate DeclarationRequired = Catalog.Declare("declaration.required", "is required.");
    public static readonly MessageTemplate PartyRequired = Catalog.Declare("declaration.party-required", "is required: name, country and, in the six member states, the national identifier.");
    public static readonly MessageTemplate TextRequired = Catalog.Declare("declaration.text-required", "is required, at most {0} characters.");
    public static readonly MessageTemplate TextTooLong = Catalog.Declare("declaration.text-too-long", "is longer than {0} characters.");
    public static readonly MessageTemplate NoGoodsItems = Catalog.Declare("declaration.no-goods-items", "a declaration has at least one goods item.");
    public static readonly MessageTemplate SealNumber = Catalog.Declare("declaration.seal-number", "a seal number has 1 to 35 characters.");
    public static readonly MessageTemplate ModeCrossesNoLandBorder = Catalog.Declare("declaration.mode-crosses-no-land-border", "{0} does not cross the land borders the platform routes through; declare road (3) or rail (2).");
    public static readonly MessageTemplate Document = Catalog.Declare("declaration.document", "a document has a type and a number.");
    public static readonly MessageTemplate ItemEmpty = Catalog.Declare("declaration.item-empty", "is empty.");
    public static readonly MessageTemplate HsChapter = Catalog.Declare("declaration.hs-chapter", "{0} is a chapter; declare the 6-digit subheading.");
    public static readonly MessageTemplate HsHeading = Catalog.Declare("declaration.hs-heading", "{0} is a heading; declare the 6-digit subheading.");
    public static readonly MessageTemplate HsUnknown = Catalog.Declare("declaration.hs-unknown", "HS 2022 has no subheading {0}.");
    public static readonly MessageTemplate MoreThanZero = Catalog.Declare("declaration.more-than-zero", "must be more than zero.");
    public static readonly MessageTemplate MassMoreThanZero = Catalog.Declare("declaration.mass-more-than-zero", "must be more than zero kilograms.");
    public static readonly MessageTemplate NetOverGross = Catalog.Declare("declaration.net-over-gross", "{0} kg is more than the gross mass {1} kg; net mass excludes packing, so it cannot exceed gross.");
    public static readonly MessageTemplate ValueRequired = Catalog.Declare("declaration.value-required", "is required and cannot be negative.");
    public static readonly MessageTemplate CannotBeNegative = Catalog.Declare("declaration.cannot-be-negative", "cannot be negative.");
    public static readonly MessageTemplate RouteCountries = Catalog.Declare("declaration.route-countries", "list the countries from dispatch to destination, at least two.");
    public static readonly MessageTemplate RouteStart = Catalog.Declare("declaration.route-start", "the route starts in {0}, but the country of dispatch is {1}.");
    public static readonly MessageTemplate RouteEnd = Catalog.Declare("declaration.route-end", "the route ends in {0}, but the country of destination is {1}.");
    public static readonly MessageTemplate CrossingCount = Catalog.Declare("declaration.crossing-count", "{0} countries have {1} borders between them; give one crossing for each ({2} given).");
    public static readonly MessageTemplate CountryFollowsItself = Catalog.Declare("declaration.country-follows-itself", "{0} follows itself; list each country once per visit.");
    public static readonly MessageTemplate NoOpenCrossing = Catalog.Declare("declaration.no-open-crossing", "{0} and {1} share no open {2} crossing; the consignment cannot go from {0} to {1} directly.");
    public static readonly MessageTemplate NotACrossing = Catalog.Declare("declaration.not-a-crossing", "'{0}' is not a border crossing; between {1} and {2}: {3}.");
    public static readonly MessageTemplate CrossingElsewhere = Catalog.Declare("declaration.crossing-elsewhere", "{0} joins {1} and {2}, not {3} and {4}; use one of {5}.");
    public static readonly MessageTemplate CrossingOtherMode = Catalog.Declare("declaration.crossing-other-mode", "{0} is a {1} crossing but the transport mode is {2}; use one of {3}.");
    public static readonly MessageTemplate CrossingNotOpen = Catalog.Declare("declaration.crossing-not-open", "{0} is not open ({1}); use one of {2}.");
    public static readonly MessageTemplate NotAMemberState = Catalog.Declare("declaration.not-a-member-state", "{0} is not one of the six countries the platform routes through ({1}).");

    // The modes of border crossings, as the reference data name them.
    public static readonly MessageTemplate RoadCrossing = Catalog.Declare("crossing-mode.road", "road");
    public static readonly MessageTemplate RailCrossing = Catalog.Declare("crossing-mode.rail", "rail");
    public static readonly MessageTemplate RoadOrRailCrossing = Catalog.Declare("crossing-mode.road-or-rail", "road or rail");

    // ContainerNumbers.
    public static readonly MessageTemplate ContainerRequired = Catalog.Declare("container.required", "is required: an ISO 6346 container number of 11 characters, e.g. CSQU3054383.");
    public static readonly MessageTemplate ContainerTooLong = Catalog.Declare("container.too-long", "is {0} characters long; a container number has 11, e.g. CSQU3054383.");
    public static readonly MessageTemplate ContainerCharacter = Catalog.Declare("container.character", "'{0}' has '{1}' at position {2}; a container number has only Latin letters and digits (spaces and hyphens are allowed between them).");
    public static readonly MessageTemplate ContainerOwner = Catalog.Declare("container.owner", "In '{0}' the owner code '{1}' should be three letters: a container number starts with the owner code registered with the BIC, e.g. CSQ.");
    public static readonly MessageTemplate ContainerCategory = Catalog.Declare("container.category", "In '{0}' the fourth character is '{1}'; it should be the equipment category: U (freight container), J (detachable freight-container-related equipment) or Z (trailer or chassis).");
    public static readonly MessageTemplate ContainerSerial = Catalog.Declare("container.serial", "In '{0}' the serial number '{1}' should be six digits (characters 5 to 10).");
    public static readonly MessageTemplate ContainerCheckCharacter = Catalog.Declare("container.check-character", "In '{0}' the last character '{1}' should be the check digit, a digit from 0 to 9.");
    public static readonly MessageTemplate ContainerCheckDigit = Catalog.Declare("container.check-digit", "In '{0}' the check digit should be {1}, not {2}: the number is mistyped.");
    public static readonly MessageTemplate ContainerCheckDigitMissing = Catalog.Declare("container.check-digit-missing", "'{0}' has 10 characters: the check digit is missing. With it the number would be {0}{1}; check that against the container.");
    public static readonly MessageTemplate ContainerLength = Catalog.Declare("container.length", "'{0}' has {1} characters; a container number has 11: a 3-letter owner code, the category letter U, J or Z, a 6-digit serial number and a check digit, e.g. CSQU3054383.");

    // CurrencyCodes.
    public static readonly MessageTemplate CurrencyRequired = Catalog.Declare("currency.required", "is required: a three-letter ISO 4217 currency code such as CNY, KZT or USD.");
    public static readonly MessageTemplate CurrencyTooLong = Catalog.Declare("currency.too-long", "is {0} characters long; an ISO 4217 currency code has three letters, e.g. CNY.");
    public static readonly MessageTemplate CurrencyFund = Catalog.Declare("currency.fund", "'{0}' is an ISO 4217 fund code ({1}), not a currency an invoice is paid in; give the currency of the invoice, e.g. USD.");
    public static readonly MessageTemplate CurrencySpecial = Catalog.Declare("currency.special", "'{0}' is an ISO 4217 code but not a currency an invoice is paid in ({1}); give the currency of the invoice, e.g. USD.");
    public static readonly MessageTemplate CurrencyWithdrawn = Catalog.Declare("currency.withdrawn", "'{0}' is no longer an ISO 4217 code: {1}. Use {2} ({3}).");
    public static readonly MessageTemplate CurrencyName = Catalog.Declare("currency.name", "'{0}' is the name of a currency; its ISO 4217 code is {1}.");
    public static readonly MessageTemplate CurrencyNameOfSeveral = Catalog.Declare("currency.name-of-several", "'{0}' is the name of more than one currency; their ISO 4217 codes are {1}.");
    public static readonly MessageTemplate CurrencyNumeric = Catalog.Declare("currency.numeric", "'{0}' is the ISO 4217 numeric code of the {1}; give the alphabetic code, {2}.");
    public static readonly MessageTemplate CurrencyNotLetters = Catalog.Declare("currency.not-letters", "'{0}' is not an ISO 4217 code: a currency code has three Latin letters, e.g. CNY or USD.");
    public static readonly MessageTemplate CurrencyDidYouMean = Catalog.Declare("currency.did-you-mean", "'{0}' is not an ISO 4217 currency code; did you mean {1}?");
    public static readonly MessageTemplate CurrencyUnknown = Catalog.Declare("currency.unknown", "'{0}' is not an ISO 4217 currency code; the member states' currencies are {1} and {2}.");

    // PackageTypes.
    public static readonly MessageTemplate PackageExamples = Catalog.Declare("package.examples", "CT (carton), PK (package), BX (box), BG (bag), PX (pallet), DR (drum), VR or VL (bulk) or NE (unpacked)");
    public static readonly MessageTemplate PackageRequired = Catalog.Declare("package.required", "is required: a UN/ECE Recommendation 21 package type code such as {0}.");
    public static readonly MessageTemplate PackageTooLong = Catalog.Declare("package.too-long", "is {0} characters long; a package type code has two characters, e.g. CT.");
    public static readonly MessageTemplate PackageName = Catalog.Declare("package.name", "'{0}' is the name of a package type; its UN/ECE Recommendation 21 code is {1}.");
    public static readonly MessageTemplate PackageAbbreviation = Catalog.Declare("package.abbreviation", "'{0}' is not a UN/ECE Recommendation 21 code; for {1} use {2}.");
    public static readonly MessageTemplate PackageBulk = Catalog.Declare("package.bulk", "'{0}' is not a UN/ECE Recommendation 21 code; bulk goods have a code for their form: {1}.");
    public static readonly MessageTemplate PackageIsUnit = Catalog.Declare("package.is-unit", "'{0}' is a unit of measure ({1}, UN/ECE Recommendation 20), not a package type; goods without packaging are NE (unpacked) or, loose in bulk, VR, VL, VY, VO, VG, VQ or VS.");
    public static readonly MessageTemplate PackageNotAccepted = Catalog.Declare("package.not-accepted", "'{0}' is not one of the package types accepted here; use e.g. {1}.");
    public static readonly MessageTemplate PackageNotACode = Catalog.Declare("package.not-a-code", "'{0}' is not a package type code: UN/ECE Recommendation 21 codes have two letters or digits, e.g. {1}.");

    // UnitCodes.
    public static readonly MessageTemplate UnitExamples = Catalog.Declare("unit.examples", "KGM (kilogram), TNE (tonne), LTR (litre), MTQ (cubic metre) or H87 (piece)");
    public static readonly MessageTemplate UnitRequired = Catalog.Declare("unit.required", "is required: a UN/ECE Recommendation 20 unit code such as {0}.");
    public static readonly MessageTemplate UnitTooLong = Catalog.Declare("unit.too-long", "is {0} characters long; a unit code has 2 or 3 characters, e.g. KGM.");
    public static readonly MessageTemplate UnitDeprecated = Catalog.Declare("unit.deprecated", "'{0}' is deprecated in UN/ECE Recommendation 20; use {1} ({2}).");
    public static readonly MessageTemplate UnitSymbol = Catalog.Declare("unit.symbol", "'{0}' is a unit symbol; the UN/ECE Recommendation 20 code for {1} is {2}.");
    public static readonly MessageTemplate UnitName = Catalog.Declare("unit.name", "'{0}' is the name of a unit; its UN/ECE Recommendation 20 code is {1}.");
    public static readonly MessageTemplate UnitAbbreviation = Catalog.Declare("unit.abbreviation", "'{0}' is not a UN/ECE Recommendation 20 code; for {1} use {2}.");
    public static readonly MessageTemplate UnitIsPackage = Catalog.Declare("unit.is-package", "'{0}' is a package type ({1}, UN/ECE Recommendation 21), not a unit of measure: give the number of packages separately, and the quantity in a unit such as {2}.");
    public static readonly MessageTemplate UnitNotAccepted = Catalog.Declare("unit.not-accepted", "'{0}' is not one of the units accepted for goods quantities; use e.g. {1}.");
    public static readonly MessageTemplate UnitNotACode = Catalog.Declare("unit.not-a-code", "'{0}' is not a unit code: UN/ECE Recommendation 20 codes have 2 or 3 letters or digits, e.g. {1}.");

    // TransportModes.
    public static readonly MessageTemplate ModeRequired = Catalog.Declare("transport-mode.required", "is required: a UN/ECE Recommendation 19 transport mode, {0}.");
    public static readonly MessageTemplate ModeTooLong = Catalog.Declare("transport-mode.too-long", "is {0} characters long; a transport mode is one digit or a word such as rail or road.");
    public static readonly MessageTemplate ModeDigits = Catalog.Declare("transport-mode.digits", "'{0}' is not a transport mode: UN/ECE Recommendation 19 codes are one digit, {1}.");
    public static readonly MessageTemplate ModeUnknownWord = Catalog.Declare("transport-mode.unknown-word", "'unknown' is not a UN/ECE Recommendation 19 mode; it has 0 (transport mode not specified) and 9 (transport mode not applicable).");
    public static readonly MessageTemplate ModeNotAMode = Catalog.Declare("transport-mode.not-a-mode", "'{0}' is not a transport mode; use the digit or the word: {1}.");

    /// <summary>Each Recommendation 19 mode's name ("Rail transport"), keyed by its code.</summary>
    private static readonly FrozenDictionary<int, MessageTemplate> ModeNames = UneceRec19.Modes.ToFrozenDictionary(
        m => m.Code, m => Catalog.Declare($"transport-mode.name.{m.Code.ToString(CultureInfo.InvariantCulture)}", m.Name));

    /// <summary>Each mode as the list of choices gives it: "2 rail transport".</summary>
    private static readonly MessageTemplate[] ModeChoices = [.. UneceRec19.Modes.Select(m => Catalog.Declare(
        $"transport-mode.choice.{m.Code.ToString(CultureInfo.InvariantCulture)}",
        $"{m.Code.ToString(CultureInfo.InvariantCulture)} {m.Name.ToLowerInvariant()}"))];

    /// <summary>The recommendation's name of <paramref name="mode"/>, in the reader's language.</summary>
    public static Message ModeName(TransportMode mode) => ModeNames[(int)mode].With();

    /// <summary>"0 transport mode not specified, 1 maritime transport, …" in the reader's language.</summary>
    public static MessageList ModeChoiceList() => new(Comma, ModeChoices.Select(c => c.With()));

    /// <summary>A border crossing's mode ("road", "rail"; null for either) in the reader's language; another value as it is.</summary>
    public static object CrossingMode(string? mode) => mode switch
    {
        null => RoadOrRailCrossing.With(),
        "road" => RoadCrossing.With(),
        "rail" => RailCrossing.With(),
        _ => mode,
    };

    public static MessageList OrList(IEnumerable<object?> items) => new(Or, items);

    public static MessageList AndList(IEnumerable<object?> items) => new(And, items);
}
