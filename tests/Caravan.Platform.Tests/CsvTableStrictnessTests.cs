using Caravan.Platform.Csv;

namespace Caravan.Platform.Tests;

/// <summary>Files that look almost right are refused, with where and why, rather than read wrongly.</summary>
public sealed class CsvTableStrictnessTests
{
    private static CsvTable Parse(string text) => CsvTable.Parse(text, "places.csv");

    [Fact]
    public void A_column_named_twice_is_refused_naming_the_column()
    {
        var error = Assert.Throws<FormatException>(() => Parse("code,code\n1,2\n"));

        Assert.Equal("places.csv, line 1: the column 'code' appears twice in the header.", error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Parse("code,name\nA,\"abc\"def\n"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("after the closing quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_empty_value_is_a_row_not_a_blank_line()
    {
        var table = Parse("note\n\"\"\nx\n");

        Assert.Equal(["", "x"], table.Rows.Select(r => r["note"]));
    }

    [Fact]
    public void Old_mac_line_endings_end_records()
    {
        var table = Parse("code,n\rA,b\rC,d\r");

        Assert.Equal(["A", "C"], table.Rows.Select(r => r["code"]));
        Assert.Equal([2, 3], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Header_names_are_trimmed_like_values()
    {
        var table = Parse("code, name\nKZ, Kazakhstan\n");

        Assert.Equal("Kazakhstan", Assert.Single(table.Rows)["name"]);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void A_number_that_is_not_finite_is_refused(string value)
    {
        var row = Assert.Single(Parse($"code,latitude\nX,{value}\n").Rows);

        var error = Assert.Throws<FormatException>(() => row.OptionalDouble("latitude"));

        Assert.Contains("not a number", error.Message, StringComparison.Ordinal);
    }
}
