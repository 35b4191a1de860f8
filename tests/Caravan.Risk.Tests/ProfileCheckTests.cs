using Caravan.Risk.Contracts;
using Caravan.Risk.Engine;

namespace Caravan.Risk.Tests;

/// <summary>An analyst's profile is checked completely before it is stored: every problem by field, at once.</summary>
public sealed class ProfileCheckTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(ProfileDefinition definition)
    {
        var (profile, errors) = ProfileCompiler.Compile(definition);
        Assert.Null(profile);
        return errors;
    }

    [Fact]
    public void A_sound_profile_compiles_with_every_rule()
    {
        var (profile, errors) = ProfileCompiler.Compile(Subjects.Profile(
            new RuleDefinition("R-1", "Cotton yarn", "hsCode", "in-range", From: "5205", To: "5207", Score: 20),
            new RuleDefinition("R-2", "Cheap", "valuePerKg", "below", Value: 1.5m, Currency: "USD", Score: 40),
            new RuleDefinition("R-3", "Sanctioned origin", "countryOfOrigin", "in", Values: ["AF"], Score: 0, Channel: "red"),
            new RuleDefinition("R-4", "Repeat offender", "previousRefusals", "at-least", Value: 2, Score: 50),
            new RuleDefinition("R-5", "Partner alert", "alert", "matches", Score: 35)));

        Assert.Empty(errors);
        Assert.Equal(["R-1", "R-2", "R-3", "R-4", "R-5"], profile!.Rules.Select(r => r.Id));
    }

    [Fact]
    public void An_unknown_field_names_the_fields_that_exist()
    {
        var errors = Errors(Subjects.Profile(new RuleDefinition("R-1", null, "colour", "in", Values: ["red"], Score: 10)));

        Assert.Contains("'colour' is not a field a rule can look at", Assert.Single(errors["rules[0].field"]), StringComparison.Ordinal);
        Assert.Contains("hsCode", errors["rules[0].field"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_backwards_hs_range_and_a_wrong_operator_are_refused()
    {
        var errors = Errors(Subjects.Profile(
            new RuleDefinition("R-1", null, "hsCode", "in-range", From: "8542", To: "8541", Score: 10),
            new RuleDefinition("R-2", null, "valuePerKg", "in", Values: ["1"], Score: 10)));

        Assert.Contains("'to' comes before 'from'", errors["rules[0].to"][0], StringComparison.Ordinal);
        Assert.Contains("below or above", errors["rules[1].operator"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 30, 40, null, "bands[1].from", "scores in between would have no channel")]
    [InlineData(5, 30, 30, null, "bands[0].from", "the first band starts at 0")]
    [InlineData(0, 30, 30, 90, "bands[1].to", "the last band is open-ended")]
    public void Score_bands_without_gaps_from_0_and_open_at_the_top(int firstFrom, int firstTo, int secondFrom, int? secondTo, string field, string expected)
    {
        var definition = new ProfileDefinition([], [new ChannelBand(firstFrom, firstTo, "green"), new ChannelBand(secondFrom, secondTo, "red")], null, null);

        var errors = Errors(definition);

        Assert.Contains(expected, Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_higher_band_cannot_lead_to_a_lower_channel()
    {
        var errors = Errors(new ProfileDefinition([], [new ChannelBand(0, 30, "red"), new ChannelBand(30, null, "green")], null, null));

        Assert.Contains("a higher score cannot lead to a lower channel", errors["bands[1].channel"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Five_problems_come_back_as_five_fields()
    {
        var definition = new ProfileDefinition(
            [
                new RuleDefinition("R-1", null, "hsCode", "in-range", From: "52", To: "51", Score: 10),
                new RuleDefinition("R-1", null, "countryOfOrigin", "in", Values: ["CN"], Score: 10),
                new RuleDefinition("R-3", null, "transportMode", "in", Values: ["air"], Score: 10),
            ],
            [new ChannelBand(0, 30, "green"), new ChannelBand(40, null, "red")],
            new RandomRates(0.5, 1.5),
            null);

        var errors = Errors(definition);

        Assert.Equal(["bands[1].from", "random.red", "rules[0].to", "rules[1].id", "rules[2].values[0]"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
