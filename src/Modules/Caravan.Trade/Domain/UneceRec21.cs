// Generated from data/trade_unece_rec21_package_types.csv (one line a row, in the CSV's order). Do not edit by hand: change the CSV, then
// regenerate these lines; CodeListFileTests.The_Recommendation_21_table_equals_the_CSV fails, and prints the expected lines, when the two differ.

namespace Caravan.Trade.Domain;

/// <summary>
/// A selection of UN/ECE Recommendation 21 package type codes (Annexes V and VI, the list UN/CEFACT maintains after
/// Revision 12), with the recommendation's names and numeric codes. Sources in data/PROVENANCE.md.
/// </summary>
internal static class UneceRec21
{
    public static IReadOnlyList<Rec21PackageType> PackageTypes { get; } =
    [
        new("1A", "Drum, steel", "34"),
        new("43", "Bag, super bulk", "64"),
        new("4G", "Box, fibreboard", "21 to 25"),
        new("8A", "Pallet, wooden", "24 or 25"),
        new("BA", "Barrel", "44 or 45"),
        new("BE", "Bundle", "61 to 65"),
        new("BG", "Bag", "62 to 64"),
        new("BL", "Bale, compressed", "65"),
        new("BN", "Bale, non-compressed", "65"),
        new("BO", "Bottle, non-protected, cylindrical", "32 or 33"),
        new("BX", "Box", "21 to 25"),
        new("CA", "Can, rectangular", "22"),
        new("CL", "Coil", "14"),
        new("CN", "Container, not otherwise specified as transport equipment", "25"),
        new("CR", "Crate", "24 to 25"),
        new("CS", "Case", "21 to 25"),
        new("CT", "Carton", "22 to 24"),
        new("CX", "Can, cylindrical", "32"),
        new("CY", "Cylinder", "12"),
        new("DR", "Drum", "34"),
        new("FE", "Flexitank", "65"),
        new("JB", "Bag, jumbo", "65"),
        new("JR", "Jar", "41"),
        new("NE", "Unpacked or unpackaged", "0"),
        new("NF", "Unpacked or unpackaged, single unit", "0"),
        new("NG", "Unpacked or unpackaged, multiple units", "0"),
        new("PA", "Packet", "21 to 23"),
        new("PC", "Parcel", "21 to 23 or 61 to 63"),
        new("PK", "Package", "21 to 23"),
        new("PX", "Pallet", "92"),
        new("RL", "Reel", "91"),
        new("RO", "Roll", "13"),
        new("SA", "Sack", "65"),
        new("TK", "Tank, rectangular", "24 or 25"),
        new("TY", "Tank, cylindrical", "34 or 35"),
        new("VG", "Bulk, gas (at 1031 mbar and 15°C)", "6"),
        new("VL", "Bulk, liquid", "4"),
        new("VO", "Bulk, solid, large particles (“nodules”)", "3"),
        new("VQ", "Bulk, liquefied gas (at abnormal temperature/pressure)", "5"),
        new("VR", "Bulk, solid, granular particles (“grains”)", "2"),
        new("VS", "Bulk, scrap metal", "9"),
        new("VY", "Bulk, solid, fine particles (“powders”)", "1"),
        new("WA", "Intermediate bulk container", "23 to 26 or 62 to 64"),
        new("ZZ", "Mutually defined", "0"),
    ];
}

/// <param name="NumericCode">The recommendation's numeric code or range of codes, as written there ("21 to 25").</param>
internal sealed record Rec21PackageType(string Code, string Name, string NumericCode);
