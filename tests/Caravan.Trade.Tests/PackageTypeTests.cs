using Caravan.Trade.Contracts;

namespace Caravan.Trade.Tests;

/// <summary>UN/ECE Recommendation 21 package types: the accepted codes, bulk, and what is said about everything else.</summary>
public sealed class PackageTypeTests
{
    private static string Accepted(string? input)
    {
        var parsed = PackageTypes.Parse(input);
        Assert.True(parsed.IsValid, parsed.Error);
        return parsed.Value!;
    }

    private static string Refused(string? input)
    {
        var parsed = PackageTypes.Parse(input);
        Assert.False(parsed.IsValid, $"'{input}' was accepted as {parsed.Value}");
        Assert.Null(parsed.Value);
        return parsed.Error!;
    }

    [Theory]
    [InlineData("CT")]
    [InlineData("PK")]
    [InlineData("BX")]
    [InlineData("BG")]
    [InlineData("PX")]
    [InlineData("CS")]
    [InlineData("DR")]
    [InlineData("BE")]
    [InlineData("RO")]
    [InlineData("VR")]
    [InlineData("VL")]
    [InlineData("NE")]
    [InlineData("1A")]
    [InlineData("43")]
    public void Common_package_types_are_accepted(string code)
    {
        Assert.Equal(code, Accepted(code));
    }

    [Theory]
    [InlineData("ct", "CT")]
    [InlineData(" px ", "PX")]
    [InlineData("ＶＲ", "VR")]
    public void Case_and_spaces_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, Accepted(input));
    }

    [Fact]
    public void A_package_type_has_its_name()
    {
        Assert.Equal(new PackageTypeInfo("CT", "Carton", IsBulk: false), PackageTypes.Find("CT"));
        Assert.Equal(new PackageTypeInfo("VR", "Bulk, solid, granular particles (“grains”)", IsBulk: true), PackageTypes.Find("VR"));
        Assert.Equal(new PackageTypeInfo("NE", "Unpacked or unpackaged", IsBulk: false), PackageTypes.Find("NE"));
        Assert.Null(PackageTypes.Find("ct"));
    }

    [Fact]
    public void Exactly_the_bulk_codes_are_bulk()
    {
        var bulk = new[] { "CT", "PK", "BX", "BG", "PX", "CS", "DR", "BE", "RO", "NE", "NF", "NG", "ZZ", "WA", "VG", "VL", "VO", "VQ", "VR", "VS", "VY" }
            .Where(code => PackageTypes.Find(code)!.IsBulk);

        Assert.Equal(["VG", "VL", "VO", "VQ", "VR", "VS", "VY"], bulk);
    }

    [Theory]
    [InlineData("CTN", "'CTN' is not a UN/ECE Recommendation 21 code; for carton use CT.")]
    [InlineData("ctns", "'ctns' is not a UN/ECE Recommendation 21 code; for carton use CT.")]
    [InlineData("PLT", "'PLT' is not a UN/ECE Recommendation 21 code; for pallet use PX.")]
    [InlineData("PKGS", "'PKGS' is not a UN/ECE Recommendation 21 code; for package use PK.")]
    [InlineData("bulk", "'bulk' is not a UN/ECE Recommendation 21 code; bulk goods have a code for their form: VR, VL, VY, VO, VG, VQ or VS.")]
    public void Packing_list_abbreviations_are_refused_with_the_code(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData("carton", "'carton' is the name of a package type; its UN/ECE Recommendation 21 code is CT.")]
    [InlineData("Pallet", "'Pallet' is the name of a package type; its UN/ECE Recommendation 21 code is PX.")]
    [InlineData("BOX", "'BOX' is the name of a package type; its UN/ECE Recommendation 21 code is BX.")]
    public void A_package_name_is_refused_with_the_code(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Fact]
    public void A_unit_of_measure_is_refused_as_a_package_type()
    {
        Assert.Equal(
            "'KGM' is a unit of measure (kilogram, UN/ECE Recommendation 20), not a package type; goods without packaging are NE (unpacked) or, loose in bulk, VR, VL, VY, VO, VG, VQ or VS.",
            Refused("kgm"));
    }

    [Theory]
    [InlineData("QQ", "'QQ' is not one of the package types accepted here; use e.g. CT (carton), PK (package), BX (box), BG (bag), PX (pallet), DR (drum), VR or VL (bulk) or NE (unpacked).")]
    [InlineData("PAL", "'PAL' is not a package type code: UN/ECE Recommendation 21 codes have two letters or digits, e.g. CT (carton), PK (package), BX (box), BG (bag), PX (pallet), DR (drum), VR or VL (bulk) or NE (unpacked).")]
    [InlineData("C-T!", "'C-T!' is not a package type code: UN/ECE Recommendation 21 codes have two letters or digits, e.g. CT (carton), PK (package), BX (box), BG (bag), PX (pallet), DR (drum), VR or VL (bulk) or NE (unpacked).")]
    public void Other_codes_are_refused_with_examples(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_package_type_is_required(string? input)
    {
        Assert.StartsWith("is required: a UN/ECE Recommendation 21 package type code such as CT (carton)", Refused(input), StringComparison.Ordinal);
    }
}
