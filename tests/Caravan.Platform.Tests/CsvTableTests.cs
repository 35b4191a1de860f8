using System.Text;
using Caravan.Platform.Csv;

namespace Caravan.Platform.Tests;

/// <summary>The reader of the project's own data files: what it accepts, and how its errors point at the mistake.</summary>
public sealed class CsvTableTests
{
    private static CsvTable Parse(string text) => CsvTable.Parse(text, "places.csv");

    private static FormatException ParseFails(string text) => Assert.Throws<FormatException>(() => Parse(text));

    [Fact]
    public void A_quoted_field_may_hold_a_comma()
    {
        var table = Parse("code,name\nKZ,\"Kazakhstan, Republic of\"\n");

        var row = Assert.Single(table.Rows);
        Assert.Equal("Kazakhstan, Republic of", row["name"]);
        Assert.Equal("KZ", row["code"]);
    }

    [Fact]
    public void A_doubled_quote_inside_a_quoted_field_is_one_quote()
    {
        var table = Parse("code,name\nKG,\"the \"\"Torugart\"\" pass\"\n");

        Assert.Equal("the \"Torugart\" pass", Assert.Single(table.Rows)["name"]);
    }

    [Fact]
    public void A_quoted_field_that_is_only_a_doubled_quote_is_one_quote()
    {
        var table = Parse("code,mark\nX,\"\"\"\"\n");

        Assert.Equal("\"", Assert.Single(table.Rows)["mark"]);
    }

    [Fact]
    public void A_line_break_inside_quotes_belongs_to_the_field()
    {
        var table = Parse("code,note\nCN-KZ-01,\"open daily\nclosed on holidays\"\nCN-KZ-02,plain\n");

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("open daily\nclosed on holidays", table.Rows[0]["note"]);
        Assert.Equal("plain", table.Rows[1]["note"]);
    }

    [Fact]
    public void After_a_multi_line_field_the_next_record_reports_its_own_line()
    {
        var table = Parse("code,note\nA,\"one\ntwo\nthree\"\nB,x\n");

        Assert.Equal(2, table.Rows[0].Line);
        Assert.Equal(5, table.Rows[1].Line);
        var error = Assert.Throws<FormatException>(() => table.Rows[1].RequiredInt("note"));
        Assert.Contains("places.csv, line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_multi_line_field_a_short_record_is_reported_at_its_own_line()
    {
        var error = ParseFails("code,note\nA,\"one\ntwo\"\nB\n");

        Assert.Contains("places.csv, line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 fields where the header has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_windows_line_endings_reads_like_one_with_unix_endings()
    {
        var table = Parse("code,name\r\nKZ,Kazakhstan\r\nUZ,\"Uzbekistan\"\r\n");

        Assert.Equal(["code", "name"], table.Header);
        Assert.Equal(["Kazakhstan", "Uzbekistan"], table.Rows.Select(r => r["name"]));
        Assert.Equal([2, 3], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var table = Parse("\uFEFFcode,name\nKZ,Kazakhstan\n");

        Assert.Equal("code", table.Header[0]);
        Assert.Equal("KZ", Assert.Single(table.Rows)["code"]);
    }

    [Fact]
    public async Task A_file_saved_with_a_byte_order_mark_reads_by_its_first_column_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"caravan-csv-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(path, "code,name\r\nTJ,Таджикистан\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), TestContext.Current.CancellationToken);

            var table = await CsvTable.ReadFileAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal("TJ", Assert.Single(table.Rows)["code"]);
            Assert.Equal("Таджикистан", table.Rows[0]["name"]);
            Assert.Equal(Path.GetFileName(path), table.Source);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_error_in_a_file_names_the_file_not_its_whole_path()
    {
        var directory = Directory.CreateTempSubdirectory("caravan-csv-");
        try
        {
            var path = Path.Combine(directory.FullName, "countries.csv");
            await File.WriteAllTextAsync(path, "code,name\nKZ\n", TestContext.Current.CancellationToken);

            var error = await Assert.ThrowsAsync<FormatException>(() => CsvTable.ReadFileAsync(path, TestContext.Current.CancellationToken));

            Assert.StartsWith("countries.csv, line 2:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("code,name\nKZ,Kazakhstan\n\n\n")]
    [InlineData("code,name\r\nKZ,Kazakhstan\r\n\r\n")]
    [InlineData("code,name\nKZ,Kazakhstan")]
    public void Blank_trailing_lines_and_a_missing_final_newline_add_no_rows(string text)
    {
        var table = Parse(text);

        Assert.Equal("Kazakhstan", Assert.Single(table.Rows)["name"]);
    }

    [Fact]
    public void A_blank_line_between_records_is_skipped_and_still_counted()
    {
        var table = Parse("code,name\nKZ,Kazakhstan\n\nUZ,Uzbekistan\n");

        Assert.Equal(["KZ", "UZ"], table.Rows.Select(r => r["code"]));
        Assert.Equal([2, 4], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_trailing_comma_is_an_empty_last_field()
    {
        var table = Parse("code,name,iata\nALA,Almaty,\n");

        Assert.Null(Assert.Single(table.Rows).Optional("iata"));
    }

    [Theory]
    [InlineData("code,name\nKZ,Kazakhstan\nUZ\n", "places.csv, line 3: 1 fields where the header has 2.")]
    [InlineData("code,name\nKZ,Kazakhstan,extra\n", "places.csv, line 2: 3 fields where the header has 2.")]
    public void A_row_with_the_wrong_number_of_fields_names_the_file_and_line(string text, string message)
    {
        Assert.Equal(message, ParseFails(text).Message);
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_where_the_record_starts()
    {
        var error = ParseFails("code,note\nA,ok\nB,\"never closed\nC,more\n");

        Assert.Contains("places.csv, line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_quote_in_an_unquoted_field_names_its_line()
    {
        var error = ParseFails("code,name\nKZ,Kazakhstan\nKG,Kyrgyz \"Republic\"\n");

        Assert.Contains("places.csv, line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("quote inside an unquoted field", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    [InlineData("\r\n")]
    public void An_empty_file_is_refused_because_a_header_is_expected(string text)
    {
        var error = ParseFails(text);

        Assert.Contains("places.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_only_a_header_has_no_rows()
    {
        var table = Parse("code,name\n");

        Assert.Equal(["code", "name"], table.Header);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Fields_are_trimmed_and_an_empty_field_is_optional()
    {
        var row = Assert.Single(Parse("code,name,iata\n  ALA , Almaty ,   \n").Rows);

        Assert.Equal("ALA", row["code"]);
        Assert.Equal("Almaty", row.Optional("name"));
        Assert.Equal("", row["iata"]);
        Assert.Null(row.Optional("iata"));
    }

    [Fact]
    public void A_required_field_that_is_empty_names_the_file_line_and_column()
    {
        var table = Parse("code,name\nKZ,Kazakhstan\nUZ,\n");

        var error = Assert.Throws<FormatException>(() => table.Rows[1].Required("name"));

        Assert.Equal("places.csv, line 3: 'name' is empty.", error.Message);
        Assert.Equal("Kazakhstan", table.Rows[0].Required("name"));
    }

    [Fact]
    public void A_number_is_read_with_a_dot_whatever_the_culture()
    {
        var row = Assert.Single(Parse("locode,lat,lon\nKZALA,43.2567,-76.9286e0\n").Rows);

        Assert.Equal(43.2567, row.OptionalDouble("lat"));
        Assert.Equal(-76.9286, row.OptionalDouble("lon"));
    }

    [Fact]
    public void An_empty_number_is_null_not_zero()
    {
        var row = Assert.Single(Parse("locode,lat\nKZALA,\n").Rows);

        Assert.Null(row.OptionalDouble("lat"));
    }

    [Theory]
    [InlineData("43,25")]
    [InlineData("north")]
    public void A_number_that_is_not_a_number_names_the_file_line_column_and_value(string value)
    {
        var row = Assert.Single(Parse($"locode,lat\nKZALA,\"{value}\"\n").Rows);

        var error = Assert.Throws<FormatException>(() => row.OptionalDouble("lat"));

        Assert.Equal($"places.csv, line 2: 'lat' is '{value}', not a number.", error.Message);
    }

    [Fact]
    public void A_whole_number_is_read_and_a_fraction_is_refused_with_its_place()
    {
        var table = Parse("code,level\n52,2\n5205,4.5\n520512,\n");

        Assert.Equal(2, table.Rows[0].RequiredInt("level"));
        var fraction = Assert.Throws<FormatException>(() => table.Rows[1].RequiredInt("level"));
        Assert.Equal("places.csv, line 3: 'level' is '4.5', not a whole number.", fraction.Message);
        var empty = Assert.Throws<FormatException>(() => table.Rows[2].RequiredInt("level"));
        Assert.Equal("places.csv, line 4: 'level' is empty.", empty.Message);
    }

    [Fact]
    public void An_unknown_column_names_the_file_and_lists_the_columns_there_are()
    {
        var row = Assert.Single(Parse("code,name\nKZ,Kazakhstan\n").Rows);

        var error = Assert.Throws<FormatException>(() => row.Optional("iso3"));

        Assert.Contains("places.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("'iso3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("code, name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_names_are_case_sensitive()
    {
        var row = Assert.Single(Parse("code,name\nKZ,Kazakhstan\n").Rows);

        Assert.Throws<FormatException>(() => row["Code"]);
    }

    [Fact]
    public void A_row_error_names_the_file_and_line_in_the_callers_words()
    {
        var row = Parse("code,mode\nCN-KZ-01,air\n").Rows[0];

        Assert.Equal("places.csv, line 2: mode 'air' is neither road nor rail.", row.Error($"mode '{row["mode"]}' is neither road nor rail").Message);
    }
}
