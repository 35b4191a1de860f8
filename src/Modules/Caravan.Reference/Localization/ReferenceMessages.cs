using Caravan.Platform.Localization;

namespace Caravan.Reference.Localization;

/// <summary>
/// The messages of the Reference module's parsers (<see cref="Contracts.ReferenceCodes"/>), with their English
/// text; the Chinese and Russian texts are in <c>messages.zh.json</c> and <c>messages.ru.json</c> beside this
/// file (ADR 0006). Other modules get them through the parsers' results, never from here.
/// </summary>
internal static class ReferenceMessages
{
    public static readonly MessageCatalog Catalog = new(typeof(ReferenceMessages).Assembly, "Caravan.Reference.Localization.messages.");

    public static readonly MessageTemplate CountryRequired = Catalog.Declare("country.required", "is required: a two-letter ISO 3166-1 code such as KZ.");
    public static readonly MessageTemplate CountryNotACode = Catalog.Declare("country.not-a-code", "'{0}' is not a two-letter ISO 3166-1 code; use one of {1}.");
    public static readonly MessageTemplate HsRequired = Catalog.Declare("hs.required", "is required: an HS code of 2, 4 or 6 digits, e.g. 5205 or 520512.");
    public static readonly MessageTemplate HsTooLong = Catalog.Declare("hs.too-long", "is {0} characters long; an HS code has 2, 4 or 6 digits.");
    public static readonly MessageTemplate HsCharacter = Catalog.Declare("hs.character", "'{0}' has '{1}' at position {2}; an HS code has only digits (dots and spaces are allowed between them).");
    public static readonly MessageTemplate HsNationalLine = Catalog.Declare("hs.national-line", "'{0}' has {1} digits: that is a national tariff line, not an HS code. Use its first six digits, {2}.");
    public static readonly MessageTemplate HsDigits = Catalog.Declare("hs.digits", "'{0}' has {1} digits; an HS code has 2 (chapter), 4 (heading) or 6 (subheading).");
}
