using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;

namespace Caravan.Trade.Tests;

/// <summary>UN/ECE Recommendation 19 modes of transport: digits, words, and the road/rail crossings of the reference data.</summary>
public sealed class TransportModeTests
{
    private static TransportMode Accepted(string? input)
    {
        var parsed = TransportModes.Parse(input);
        Assert.True(parsed.IsValid, parsed.Error);
        return parsed.Value;
    }

    private static string Refused(string? input)
    {
        var parsed = TransportModes.Parse(input);
        Assert.False(parsed.IsValid, $"'{input}' was accepted as {parsed.Value}");
        return parsed.Error!;
    }

    [Theory]
    [InlineData("0", TransportMode.NotSpecified)]
    [InlineData("1", TransportMode.Maritime)]
    [InlineData("2", TransportMode.Rail)]
    [InlineData("3", TransportMode.Road)]
    [InlineData("4", TransportMode.Air)]
    [InlineData("5", TransportMode.Mail)]
    [InlineData("6", TransportMode.Multimodal)]
    [InlineData("7", TransportMode.FixedInstallation)]
    [InlineData("8", TransportMode.InlandWater)]
    [InlineData("9", TransportMode.NotApplicable)]
    [InlineData(" 2 ", TransportMode.Rail)]
    public void The_digit_gives_the_mode(string input, TransportMode expected)
    {
        Assert.Equal(expected, Accepted(input));
    }

    [Theory]
    [InlineData("rail", TransportMode.Rail)]
    [InlineData("Road", TransportMode.Road)]
    [InlineData("RAILWAY", TransportMode.Rail)]
    [InlineData("sea", TransportMode.Maritime)]
    [InlineData("air", TransportMode.Air)]
    [InlineData("post", TransportMode.Mail)]
    [InlineData("pipeline", TransportMode.FixedInstallation)]
    [InlineData("inland-waterway", TransportMode.InlandWater)]
    [InlineData("Rail transport", TransportMode.Rail)]
    [InlineData("Fixed transport installations", TransportMode.FixedInstallation)]
    [InlineData("transport  mode_not applicable", TransportMode.NotApplicable)]
    public void A_word_or_the_recommendations_name_gives_the_mode(string input, TransportMode expected)
    {
        Assert.Equal(expected, Accepted(input));
    }

    [Fact]
    public void Each_mode_has_its_digit_and_name()
    {
        Assert.Equal("2", TransportModes.Code(TransportMode.Rail));
        Assert.Equal("Rail transport", TransportModes.Name(TransportMode.Rail));
        Assert.Equal("Inland water transport", TransportModes.Name(TransportMode.InlandWater));
        Assert.Equal("Transport mode not applicable", TransportModes.Name(TransportMode.NotApplicable));
        Assert.Throws<ArgumentOutOfRangeException>(() => TransportModes.Code((TransportMode)10));
    }

    [Fact]
    public void Road_and_rail_map_to_the_crossing_modes_of_the_reference_data()
    {
        Assert.Equal("road", TransportModes.CrossingMode(TransportMode.Road));
        Assert.Equal("rail", TransportModes.CrossingMode(TransportMode.Rail));
        Assert.All(
            Enum.GetValues<TransportMode>().Except([TransportMode.Road, TransportMode.Rail]),
            mode => Assert.Null(TransportModes.CrossingMode(mode)));

        var produced = Enum.GetValues<TransportMode>().Select(TransportModes.CrossingMode).OfType<string>().Order(StringComparer.Ordinal);
        Assert.Equal(BorderCrossingFilter.Modes.Order(StringComparer.Ordinal), produced);
    }

    [Fact]
    public void The_crossing_modes_parse_back_to_their_transport_mode()
    {
        foreach (var crossingMode in BorderCrossingFilter.Modes)
        {
            Assert.Equal(crossingMode, TransportModes.CrossingMode(Accepted(crossingMode)));
        }
    }

    [Theory]
    [InlineData("10", "'10' is not a transport mode: UN/ECE Recommendation 19 codes are one digit")]
    [InlineData("ship by sea", "'ship by sea' is not a transport mode; use the digit or the word: 0 transport mode not specified, 1 maritime transport, 2 rail transport, 3 road transport")]
    [InlineData("unknown", "'unknown' is not a UN/ECE Recommendation 19 mode; it has 0 (transport mode not specified) and 9 (transport mode not applicable).")]
    public void Other_input_is_refused_with_the_choices(string input, string expected)
    {
        Assert.StartsWith(expected, Refused(input), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_mode_is_required(string? input)
    {
        Assert.StartsWith("is required: a UN/ECE Recommendation 19 transport mode, 0 transport mode not specified, 1 maritime transport", Refused(input), StringComparison.Ordinal);
    }
}
