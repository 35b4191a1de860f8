// Generated from data/trade_unece_rec20_units.csv (one line a row, in the CSV's order). Do not edit by hand: change the CSV, then
// regenerate these lines; CodeListFileTests.The_Recommendation_20_table_equals_the_CSV fails, and prints the expected lines, when the two differ.

namespace Caravan.Trade.Domain;

/// <summary>
/// The UN/ECE Recommendation 20 units of measure accepted for goods quantities in a declaration: a selection of the
/// recommendation's active codes (Revision 17 and the maintained list after it), with names and symbols as the
/// recommendation gives them. Sources in data/PROVENANCE.md.
/// </summary>
internal static class UneceRec20
{
    public static IReadOnlyList<Rec20Unit> Units { get; } =
    [
        new("58", "net kilogram", null),
        new("APZ", "troy ounce or apothecary ounce", "tr oz"),
        new("C62", "one", "1"),
        new("CCT", "carrying capacity in metric ton", null),
        new("CEN", "hundred", null),
        new("CTM", "metric carat", null),
        new("D30", "terajoule", "TJ"),
        new("DTN", "decitonne", "dt or dtn"),
        new("DZN", "dozen", "DOZ"),
        new("E4", "gross kilogram", null),
        new("EA", "each", null),
        new("GFI", "gram of fissile isotope", "gi F/S"),
        new("GRM", "gram", "g"),
        new("H87", "piece", null),
        new("HEA", "head", null),
        new("HLT", "hectolitre", "hl"),
        new("KDW", "kilogram drained net weight", "kg/net eda"),
        new("KGM", "kilogram", "kg"),
        new("KHY", "kilogram of hydrogen peroxide", "kg H₂O₂"),
        new("KNI", "kilogram of nitrogen", "kg N"),
        new("KPH", "kilogram of potassium hydroxide (caustic potash)", "kg KOH"),
        new("KPO", "kilogram of potassium oxide", "kg K₂O"),
        new("KPP", "kilogram of phosphorus pentoxide (phosphoric anhydride)", null),
        new("KSD", "kilogram of substance 90 % dry", "kg 90 % sdt"),
        new("KSH", "kilogram of sodium hydroxide (caustic soda)", "kg NaOH"),
        new("KUR", "kilogram of uranium", "kg U"),
        new("KWH", "kilowatt hour", "kW·h"),
        new("LBR", "pound", "lb"),
        new("LPA", "litre of pure alcohol", null),
        new("LTR", "litre", "l"),
        new("MGM", "milligram", "mg"),
        new("MIL", "thousand", null),
        new("MLT", "millilitre", "ml"),
        new("MTK", "square metre", "m²"),
        new("MTQ", "cubic metre", "m³"),
        new("MTR", "metre", "m"),
        new("MWH", "megawatt hour (1000 kW.h)", "MW·h"),
        new("NAR", "number of articles", null),
        new("NCL", "number of cells", null),
        new("PR", "pair", null),
        new("R9", "thousand cubic metre", null),
        new("SET", "set", null),
        new("TNE", "tonne (metric ton)", "t"),
    ];
}

/// <param name="Symbol">The recommendation's symbol, or null where it gives none.</param>
internal sealed record Rec20Unit(string Code, string Name, string? Symbol);
