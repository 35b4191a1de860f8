using Caravan.Trade.Contracts;

namespace Caravan.Trade.Tests;

/// <summary>ISO 6346 container numbers: published numbers, normalisation, the check digit and each kind of refusal.</summary>
public sealed class ContainerNumberTests
{
    // The worked example of ISO 6346 as its public descriptions give it (the Wikipedia article "ISO 6346"; Lobster's
    // documentation of "create ISO6346 check digit": CSQU305438 -> CSQU3054383).
    private const string WorkedExample = "CSQU3054383";

    private static string Accepted(string? input)
    {
        var parsed = ContainerNumbers.Parse(input);
        Assert.True(parsed.IsValid, parsed.Error);
        return parsed.Value!;
    }

    private static string Refused(string? input)
    {
        var parsed = ContainerNumbers.Parse(input);
        Assert.False(parsed.IsValid, $"'{input}' was accepted as {parsed.Value}");
        Assert.Null(parsed.Value);
        return parsed.Error!;
    }

    [Theory]
    [InlineData(WorkedExample)]
    // Two of the three 20-foot containers of an MSC booking from Shanghai to Sines, published as the sample response
    // of a container-tracking API (doc.freightower.com, "shipmentEquipments"): a Triton (TCKU) and an MSC (MSNU) box.
    [InlineData("TCKU1559530")]
    [InlineData("MSNU3751242")]
    public void Published_container_numbers_are_accepted(string number)
    {
        Assert.Equal(number, Accepted(number));
    }

    [Theory]
    // Used in python-stdnum's tests (tests/test_iso6346.doctest); whether they are real containers is not stated there.
    [InlineData("TCNU7200794")]
    [InlineData("TOLU4734787")]
    [InlineData("GYOU4047990")]
    public void Numbers_from_other_validators_test_suites_are_accepted(string number)
    {
        Assert.Equal(number, Accepted(number));
    }

    [Theory]
    [InlineData("csqu3054383")]
    [InlineData("CSQU 305438 3")]
    [InlineData("  CSQU-305438-3 ")]
    [InlineData("CSQU\u00a0305438\u20133")]
    [InlineData("ＣＳＱＵ３０５４３８３")]
    public void Case_spaces_hyphens_and_full_width_forms_are_normalised(string input)
    {
        Assert.Equal(WorkedExample, Accepted(input));
    }

    [Fact]
    public void The_check_digit_of_the_worked_example_is_3()
    {
        Assert.Equal(3, ContainerNumbers.CheckDigit("CSQU305438"));
    }

    [Fact]
    public void Letters_count_from_10_leaving_out_the_multiples_of_11()
    {
        var expected = new Dictionary<char, int>
        {
            ['A'] = 10, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16, ['G'] = 17, ['H'] = 18, ['I'] = 19,
            ['J'] = 20, ['K'] = 21, ['L'] = 23, ['M'] = 24, ['N'] = 25, ['O'] = 26, ['P'] = 27, ['Q'] = 28, ['R'] = 29,
            ['S'] = 30, ['T'] = 31, ['U'] = 32, ['V'] = 34, ['W'] = 35, ['X'] = 36, ['Y'] = 37, ['Z'] = 38,
        };

        Assert.All(expected, pair => Assert.Equal(pair.Value, ContainerNumbers.CharacterValue(pair.Key)));
        Assert.All("0123456789", digit => Assert.Equal(digit - '0', ContainerNumbers.CharacterValue(digit)));
        Assert.Equal(-1, ContainerNumbers.CharacterValue('a'));
    }

    [Fact]
    public void A_remainder_of_10_is_written_as_check_digit_0()
    {
        // Constructed, not a real container: the weighted sum of CSQU305445 is 4905 = 445 × 11 + 10.
        Assert.Equal(0, ContainerNumbers.CheckDigit("CSQU305445"));
        Assert.Equal("CSQU3054450", Accepted("CSQU3054450"));
    }

    [Fact]
    public void A_wrong_check_digit_is_refused_with_the_right_one()
    {
        Assert.Equal("In 'CSQU3054384' the check digit should be 3, not 4: the number is mistyped.", Refused("CSQU3054384"));
    }

    [Fact]
    public void Changing_any_digit_of_a_valid_number_is_refused()
    {
        for (var i = 4; i < 11; i++)
        {
            foreach (var digit in "0123456789")
            {
                if (digit == WorkedExample[i])
                {
                    continue;
                }

                var changed = WorkedExample[..i] + digit + WorkedExample[(i + 1)..];
                Assert.False(ContainerNumbers.Parse(changed).IsValid, $"{changed} (position {i + 1} changed) was accepted");
            }
        }
    }

    [Fact]
    public void A_letter_swapped_for_one_eleven_values_away_keeps_the_check_digit()
    {
        // A known limit of the scheme, not of this code: C (13) and M (24) differ by 11, so MSQU 305438 has the same
        // check digit as CSQU 305438. Such a number passes; only the BIC register could tell.
        Assert.Equal(ContainerNumbers.CheckDigit("CSQU305438"), ContainerNumbers.CheckDigit("MSQU305438"));
        Assert.True(ContainerNumbers.Parse("MSQU3054383").IsValid);
    }

    [Fact]
    public void A_number_without_its_check_digit_is_refused_with_the_digit_it_would_have()
    {
        Assert.Equal(
            "'CSQU305438' has 10 characters: the check digit is missing. With it the number would be CSQU3054383; check that against the container.",
            Refused("CSQU 305438"));
    }

    [Theory]
    [InlineData("CSQU30543830", "'CSQU30543830' has 12 characters; a container number has 11")]
    [InlineData("CSQ3054383", "'CSQ3054383' has 10 characters; a container number has 11")]
    [InlineData("C5QU3054383", "In 'C5QU3054383' the owner code 'C5Q' should be three letters")]
    [InlineData("CSQA3054383", "In 'CSQA3054383' the fourth character is 'A'; it should be the equipment category: U (freight container), J (detachable freight-container-related equipment) or Z (trailer or chassis).")]
    [InlineData("CSQ03054383", "In 'CSQ03054383' the fourth character is '0'")]
    [InlineData("CSQU30543B3", "In 'CSQU30543B3' the serial number '30543B' should be six digits")]
    [InlineData("CSQU305438X", "In 'CSQU305438X' the last character 'X' should be the check digit, a digit from 0 to 9.")]
    [InlineData("CSQU/3054383", "'CSQU/3054383' has '/' at position 5; a container number has only Latin letters and digits")]
    [InlineData("CSQU3054383Ж", "'CSQU3054383Ж' has 'Ж' at position 12")]
    public void Each_part_of_a_malformed_number_is_named(string input, string expected)
    {
        Assert.StartsWith(expected, Refused(input), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - - ")]
    public void A_missing_number_is_required(string? input)
    {
        Assert.Equal("is required: an ISO 6346 container number of 11 characters, e.g. CSQU3054383.", Refused(input));
    }

    [Fact]
    public void A_very_long_input_is_refused_without_echoing_it()
    {
        var error = Refused(new string('A', 5000));

        Assert.Equal("is 5000 characters long; a container number has 11, e.g. CSQU3054383.", error);
    }

    [Fact]
    public void The_check_digit_needs_ten_upper_case_letters_and_digits()
    {
        Assert.Throws<ArgumentException>(() => ContainerNumbers.CheckDigit("CSQU30543"));
        Assert.Throws<ArgumentException>(() => ContainerNumbers.CheckDigit("csqu305438"));
        Assert.Throws<ArgumentNullException>(() => ContainerNumbers.CheckDigit(null!));
    }
}
