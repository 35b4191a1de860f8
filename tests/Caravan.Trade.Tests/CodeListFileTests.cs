using Caravan.Testing;
using System.Globalization;
using System.Text;
using Caravan.Platform.Csv;
using Caravan.Trade.Contracts;
using Caravan.Trade.Domain;

namespace Caravan.Trade.Tests;

/// <summary>
/// The code lists are compiled into the Trade assembly from the CSV files in data/: each C# table must equal its
/// file, row for row, so that the two cannot drift. A failure prints the C# lines the file calls for.
/// </summary>
public sealed class CodeListFileTests
{
    private static CsvTable Read(string fileName) =>
        CsvTable.Parse(File.ReadAllText(RepositoryFiles.Data(fileName), Encoding.UTF8), fileName);

    private static string Q(string? value) => value is null ? "null" : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void AssertSameRows<T>(string fileName, IReadOnlyList<T> fromFile, IReadOnlyList<T> compiled, Func<T, string> line)
    {
        if (fromFile.SequenceEqual(compiled))
        {
            return;
        }

        var firstDifference = Enumerable.Range(0, Math.Max(fromFile.Count, compiled.Count))
            .First(i => i >= fromFile.Count || i >= compiled.Count || !Equals(fromFile[i], compiled[i]));
        Assert.Fail(
            $"The compiled table differs from data/{fileName} ({compiled.Count} rows against {fromFile.Count}), first at row {firstDifference + 1}: "
            + $"{(firstDifference < compiled.Count ? compiled[firstDifference] : "(none)")} against {(firstDifference < fromFile.Count ? fromFile[firstDifference] : "(none)")}. "
            + "The file calls for these lines:\n" + string.Join('\n', fromFile.Select(line)));
    }

    [Fact]
    public void The_ISO_4217_table_equals_the_CSV()
    {
        var table = Read("trade_iso4217_currencies.csv");
        Assert.Equal(["code", "numeric", "minor_unit", "name", "kind"], table.Header);

        var fromFile = table.Rows.Select(r => new Iso4217Entry(
            r["code"],
            r["numeric"],
            r.Optional("minor_unit") is { } minorUnit ? int.Parse(minorUnit, CultureInfo.InvariantCulture) : null,
            r["name"],
            r["kind"] switch
            {
                "currency" => Iso4217Kind.Currency,
                "fund" => Iso4217Kind.Fund,
                "special" => Iso4217Kind.Special,
                var other => throw new FormatException($"trade_iso4217_currencies.csv line {r.Line}: kind '{other}' is not currency, fund or special."),
            })).ToList();

        AssertSameRows("trade_iso4217_currencies.csv", fromFile, Iso4217.Entries, e =>
            $"        new({Q(e.Code)}, {Q(e.Numeric)}, {(e.MinorUnit is { } m ? m.ToString(CultureInfo.InvariantCulture) : "null")}, {Q(e.Name)}, Iso4217Kind.{e.Kind}),");
    }

    [Fact]
    public void The_Recommendation_20_table_equals_the_CSV()
    {
        var table = Read("trade_unece_rec20_units.csv");
        Assert.Equal(["code", "name", "symbol"], table.Header);

        var fromFile = table.Rows.Select(r => new Rec20Unit(r["code"], r["name"], r.Optional("symbol"))).ToList();

        AssertSameRows("trade_unece_rec20_units.csv", fromFile, UneceRec20.Units, u => $"        new({Q(u.Code)}, {Q(u.Name)}, {Q(u.Symbol)}),");
    }

    [Fact]
    public void The_Recommendation_21_table_equals_the_CSV()
    {
        var table = Read("trade_unece_rec21_package_types.csv");
        Assert.Equal(["code", "name", "numeric_code"], table.Header);

        var fromFile = table.Rows.Select(r => new Rec21PackageType(r["code"], r["name"], r["numeric_code"])).ToList();

        AssertSameRows("trade_unece_rec21_package_types.csv", fromFile, UneceRec21.PackageTypes, p => $"        new({Q(p.Code)}, {Q(p.Name)}, {Q(p.NumericCode)}),");
    }

    [Fact]
    public void The_Recommendation_19_table_equals_the_CSV()
    {
        var table = Read("trade_unece_rec19_transport_modes.csv");
        Assert.Equal(["code", "name"], table.Header);

        var fromFile = table.Rows.Select(r => new Rec19Mode(int.Parse(r["code"], CultureInfo.InvariantCulture), r["name"])).ToList();

        AssertSameRows("trade_unece_rec19_transport_modes.csv", fromFile, UneceRec19.Modes, m => $"        new({m.Code.ToString(CultureInfo.InvariantCulture)}, {Q(m.Name)}),");
    }

    [Fact]
    public void A_drifted_table_is_reported_with_the_lines_the_file_calls_for()
    {
        var error = Assert.ThrowsAny<Exception>(() => AssertSameRows(
            "example.csv",
            [new Rec19Mode(1, "Maritime transport"), new Rec19Mode(2, "Rail transport")],
            [new Rec19Mode(1, "Maritime transport"), new Rec19Mode(2, "Rail")],
            m => $"        new({m.Code.ToString(CultureInfo.InvariantCulture)}, {Q(m.Name)}),"));

        Assert.Contains("first at row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("        new(2, \"Rail transport\"),", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_list_is_sorted_by_code_without_duplicates()
    {
        Assert.All(
            new[] { Iso4217.Entries.Select(e => e.Code), UneceRec20.Units.Select(u => u.Code), UneceRec21.PackageTypes.Select(p => p.Code), UneceRec19.Modes.Select(m => m.Code.ToString(CultureInfo.InvariantCulture)) },
            codes => Assert.Equal(codes.Order(StringComparer.Ordinal).Distinct(), codes));
    }

    [Fact]
    public void The_ISO_4217_table_is_well_formed()
    {
        Assert.All(Iso4217.Entries, e =>
        {
            Assert.Matches("^[A-Z]{3}$", e.Code);
            Assert.Matches("^[0-9]{3}$", e.Numeric);
            Assert.Equal(e.Kind == Iso4217Kind.Special, e.MinorUnit is null);
            Assert.Contains(e.MinorUnit, new int?[] { null, 0, 2, 3, 4 });
        });

        var currencies = Iso4217.Entries.Where(e => e.Kind == Iso4217Kind.Currency).ToList();
        Assert.Equal(currencies.Count, currencies.Select(e => e.Numeric).Distinct().Count());
    }

    [Fact]
    public void The_ISO_4217_table_has_the_amendments_after_the_2024_list()
    {
        var codes = Iso4217.Entries.Select(e => e.Code).ToHashSet();

        Assert.Contains("XCG", codes);   // amendment 176: Caribbean guilder
        Assert.DoesNotContain("ANG", codes);
        Assert.DoesNotContain("CUC", codes);   // amendment 178
        Assert.Contains("XAD", codes);   // amendment 179: Arab Accounting Dinar
        Assert.DoesNotContain("BGN", codes);   // amendment 180: Bulgaria uses EUR
        Assert.Contains("ZWG", codes);   // amendment 177, already in the 2024-06-25 list
    }

    [Fact]
    public void The_member_states_currencies_are_those_of_the_reference_data()
    {
        var countries = Read("countries.csv").Rows;

        Assert.Equal(countries.Select(r => r["currency"]), CurrencyCodes.MemberStateCurrencies);
        Assert.All(CurrencyCodes.MemberStateCurrencies, code => Assert.NotNull(CurrencyCodes.Find(code)));
        Assert.All(countries, r => Assert.EndsWith($"currency is {r["currency"]}.", CurrencyCodes.NotCodes[r["iso3"]].English, StringComparison.Ordinal));
    }

    [Fact]
    public void Withdrawn_codes_and_other_hints_never_shadow_a_current_code()
    {
        var iso = Iso4217.Entries.Select(e => e.Code).ToHashSet();
        Assert.All(CurrencyCodes.Withdrawn, pair =>
        {
            Assert.DoesNotContain(pair.Key, iso);
            Assert.NotNull(CurrencyCodes.Find(pair.Value.Successor));
        });
        Assert.All(CurrencyCodes.NotCodes.Keys, code => Assert.DoesNotContain(code, iso));

        var units = UneceRec20.Units.Select(u => u.Code).ToHashSet();
        Assert.All(UnitCodes.Deprecated, pair => Assert.True(!units.Contains(pair.Key) && units.Contains(pair.Value), pair.Key));
        Assert.All(UnitCodes.TradeAbbreviations, pair => Assert.True(!units.Contains(pair.Key) && units.Contains(pair.Value), pair.Key));

        var packages = UneceRec21.PackageTypes.Select(p => p.Code).ToHashSet();
        Assert.All(PackageTypes.TradeAbbreviations, pair => Assert.True(!packages.Contains(pair.Key) && (pair.Value.Length > 2 || packages.Contains(pair.Value)), pair.Key));
    }

    [Fact]
    public void The_transport_modes_are_the_digits_of_Recommendation_19()
    {
        Assert.Equal(Enumerable.Range(0, 10), UneceRec19.Modes.Select(m => m.Code));
        Assert.Equal(Enumerable.Range(0, 10), Enum.GetValues<TransportMode>().Select(m => (int)m));
    }
}
