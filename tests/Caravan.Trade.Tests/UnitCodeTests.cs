using Caravan.Trade.Contracts;

namespace Caravan.Trade.Tests;

/// <summary>UN/ECE Recommendation 20 units for goods quantities: the accepted codes and what is said about everything else.</summary>
public sealed class UnitCodeTests
{
    private static string Accepted(string? input)
    {
        var parsed = UnitCodes.Parse(input);
        Assert.True(parsed.IsValid, parsed.Error);
        return parsed.Value!;
    }

    private static string Refused(string? input)
    {
        var parsed = UnitCodes.Parse(input);
        Assert.False(parsed.IsValid, $"'{input}' was accepted as {parsed.Value}");
        Assert.Null(parsed.Value);
        return parsed.Error!;
    }

    [Theory]
    [InlineData("KGM")]
    [InlineData("TNE")]
    [InlineData("GRM")]
    [InlineData("LTR")]
    [InlineData("MTQ")]
    [InlineData("MTR")]
    [InlineData("MTK")]
    [InlineData("H87")]
    [InlineData("C62")]
    [InlineData("NAR")]
    [InlineData("PR")]
    [InlineData("DZN")]
    [InlineData("KWH")]
    [InlineData("MWH")]
    [InlineData("CTM")]
    [InlineData("LPA")]
    [InlineData("KNI")]
    [InlineData("58")]
    public void The_units_declarations_count_goods_in_are_accepted(string code)
    {
        Assert.Equal(code, Accepted(code));
    }

    [Theory]
    [InlineData("kgm", "KGM")]
    [InlineData(" h87 ", "H87")]
    [InlineData("ＬＴＲ", "LTR")]
    public void Case_spaces_and_full_width_letters_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, Accepted(input));
    }

    [Fact]
    public void A_unit_has_its_name_and_symbol()
    {
        Assert.Equal(new UnitOfMeasureInfo("KGM", "kilogram", "kg"), UnitCodes.Find("KGM"));
        Assert.Equal(new UnitOfMeasureInfo("MTQ", "cubic metre", "m³"), UnitCodes.Find("MTQ"));
        Assert.Equal(new UnitOfMeasureInfo("KWH", "kilowatt hour", "kW·h"), UnitCodes.Find("KWH"));
        Assert.Equal(new UnitOfMeasureInfo("H87", "piece", null), UnitCodes.Find("H87"));
        Assert.Null(UnitCodes.Find("kgm"));
        Assert.Null(UnitCodes.Find("BTU"));
    }

    [Theory]
    [InlineData("kg", "'kg' is a unit symbol; the UN/ECE Recommendation 20 code for kilogram is KGM.")]
    [InlineData("t", "'t' is a unit symbol; the UN/ECE Recommendation 20 code for tonne (metric ton) is TNE.")]
    [InlineData("m3", "'m3' is a unit symbol; the UN/ECE Recommendation 20 code for cubic metre is MTQ.")]
    [InlineData("m²", "'m²' is a unit symbol; the UN/ECE Recommendation 20 code for square metre is MTK.")]
    [InlineData("kW·h", "'kW·h' is a unit symbol; the UN/ECE Recommendation 20 code for kilowatt hour is KWH.")]
    [InlineData("L", "'L' is a unit symbol; the UN/ECE Recommendation 20 code for litre is LTR.")]
    public void A_symbol_is_refused_with_the_code(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData("kilogram", "'kilogram' is the name of a unit; its UN/ECE Recommendation 20 code is KGM.")]
    [InlineData("Piece", "'Piece' is the name of a unit; its UN/ECE Recommendation 20 code is H87.")]
    [InlineData("pair", "'pair' is the name of a unit; its UN/ECE Recommendation 20 code is PR.")]
    public void A_unit_name_is_refused_with_the_code(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData("PCS", "'PCS' is not a UN/ECE Recommendation 20 code; for piece use H87.")]
    [InlineData("kgs", "'kgs' is not a UN/ECE Recommendation 20 code; for kilogram use KGM.")]
    [InlineData("MT", "'MT' is not a UN/ECE Recommendation 20 code; for tonne (metric ton) use TNE.")]
    [InlineData("CBM", "'CBM' is not a UN/ECE Recommendation 20 code; for cubic metre use MTQ.")]
    [InlineData("шт", "'шт' is not a UN/ECE Recommendation 20 code; for piece use H87.")]
    [InlineData("公斤", "'公斤' is not a UN/ECE Recommendation 20 code; for kilogram use KGM.")]
    public void Trade_abbreviations_are_refused_with_the_code(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Fact]
    public void A_deprecated_code_is_refused_with_its_replacement()
    {
        Assert.Equal("'NPR' is deprecated in UN/ECE Recommendation 20; use PR (pair).", Refused("NPR"));
    }

    [Theory]
    [InlineData("CT", "'CT' is a package type (Carton, UN/ECE Recommendation 21), not a unit of measure")]
    [InlineData("px", "'PX' is a package type (Pallet, UN/ECE Recommendation 21), not a unit of measure")]
    [InlineData("BG", "'BG' is a package type (Bag, UN/ECE Recommendation 21), not a unit of measure")]
    public void A_package_type_is_refused_as_a_unit(string input, string expected)
    {
        Assert.StartsWith(expected, Refused(input), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BTU", "'BTU' is not one of the units accepted for goods quantities; use e.g. KGM (kilogram), TNE (tonne), LTR (litre), MTQ (cubic metre) or H87 (piece).")]
    [InlineData("KMT", "'KMT' is not one of the units accepted for goods quantities; use e.g. KGM (kilogram), TNE (tonne), LTR (litre), MTQ (cubic metre) or H87 (piece).")]
    [InlineData("kilo gram", "'kilo gram' is not a unit code: UN/ECE Recommendation 20 codes have 2 or 3 letters or digits, e.g. KGM (kilogram), TNE (tonne), LTR (litre), MTQ (cubic metre) or H87 (piece).")]
    [InlineData("KGMS", "'KGMS' is not a unit code: UN/ECE Recommendation 20 codes have 2 or 3 letters or digits, e.g. KGM (kilogram), TNE (tonne), LTR (litre), MTQ (cubic metre) or H87 (piece).")]
    public void Other_codes_and_words_are_refused_with_examples(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_missing_unit_is_required(string? input)
    {
        Assert.Equal("is required: a UN/ECE Recommendation 20 unit code such as KGM (kilogram), TNE (tonne), LTR (litre), MTQ (cubic metre) or H87 (piece).", Refused(input));
    }

    [Fact]
    public void A_very_long_input_is_refused_without_echoing_it()
    {
        Assert.Equal("is 200 characters long; a unit code has 2 or 3 characters, e.g. KGM.", Refused(new string('K', 200)));
    }
}
