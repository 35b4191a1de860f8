using Caravan.Risk.Contracts;
using Caravan.Risk.Domain;
using Caravan.Risk.Engine;
using Caravan.Risk.Features.Assess;

namespace Caravan.Risk.Tests;

/// <summary>The engine: explainable, replayable, and fair to Authorised Economic Operators where an arrangement says so.</summary>
public sealed class EngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static CompiledProfile Compile(ProfileDefinition definition, int version = 1)
    {
        var (profile, errors) = ProfileCompiler.Compile(definition, version);
        Assert.Empty(errors);
        return profile!;
    }

    private static RiskAssessment Run(CompiledProfile profile, RiskSubject subject, string seed = "seed-1", IReadOnlyList<EconomicOperator>? operators = null, IReadOnlyList<RecognitionArrangement>? arrangements = null, IReadOnlyList<SharedAlert>? alerts = null) =>
        RiskAssessor.Run(profile, subject, operators ?? [], arrangements ?? [], alerts ?? [], seed, Now);

    private static readonly ProfileDefinition Cotton = Subjects.Profile(
        new RuleDefinition("R-1", "Cotton yarn", "hsCode", "in-range", From: "5205", To: "5207", Score: 25),
        new RuleDefinition("R-2", "Under 2 USD/kg", "valuePerKg", "below", Value: 2m, Currency: "USD", Score: 20),
        new RuleDefinition("R-3", "Road", "transportMode", "in", Values: ["road"], Score: 5),
        new RuleDefinition("R-4", "Rail", "transportMode", "in", Values: ["rail"], Score: 50));

    [Fact]
    public void The_same_consignment_and_seed_give_the_same_channel_and_draw()
    {
        var profile = Compile(Cotton with { Random = new RandomRates(0.3, 0.2) });

        var first = Run(profile, Subjects.CottonYarn(), "5f0c1d2e3a4b5c6d");
        var again = Run(profile, Subjects.CottonYarn(), "5f0c1d2e3a4b5c6d");
        var draws = Enumerable.Range(0, 200).Select(i => Run(profile, Subjects.CottonYarn(), $"seed-{i}").Random.Draw).ToList();

        Assert.Equal(first.Channel, again.Channel);
        Assert.Equal(first.Random, again.Random);
        Assert.Equal(first.Fired, again.Fired);
        // Different seeds draw differently, spread over [0, 1).
        Assert.True(draws.Distinct().Count() == 200 && draws.Min() < 0.1 && draws.Max() > 0.9);
    }

    [Fact]
    public void The_explanation_lists_each_rule_that_fired_and_sums_to_the_score()
    {
        // 52,200 USD for 18,000 kg is 2.9 USD/kg: not under 2.
        var fair = Run(Compile(Cotton), Subjects.CottonYarn());
        var cheap = Run(Compile(Cotton), Subjects.CottonYarn(value: 27000m));

        Assert.Equal(["R-1", "R-3"], fair.Fired.Select(f => f.RuleId));
        Assert.Equal(30, fair.Score);
        Assert.Equal((fair.Score, "yellow"), (fair.Fired.Sum(f => f.Score), fair.Channel));
        Assert.Equal(["R-1", "R-2", "R-3"], cheap.Fired.Select(f => f.RuleId));
        Assert.Equal((50, 50), (cheap.Score, cheap.Fired.Sum(f => f.Score)));
        Assert.Equal(0, cheap.Fired[1].Item);
        Assert.Equal(1, cheap.ProfileVersion);
    }

    [Fact]
    public void A_rule_that_forces_red_wins_over_a_low_score_and_random_selection_only_raises()
    {
        var sanctioned = Compile(Subjects.Profile(new RuleDefinition("R-9", "Origin under embargo", "countryOfOrigin", "in", Values: ["AF"], Score: 0, Channel: "red")));
        var alwaysYellow = Compile(Subjects.Profile(new RuleDefinition("R-1", "Rail", "transportMode", "in", Values: ["rail"], Score: 70)) with { Random = new RandomRates(1, 0) });

        var forced = Run(sanctioned, Subjects.CottonYarn(origin: "AF"));
        var notForced = Run(sanctioned, Subjects.CottonYarn());
        var drawn = Run(alwaysYellow, Subjects.CottonYarn());

        Assert.Equal(("red", "green", 0), (forced.Channel, forced.ScoreChannel, forced.Score));
        Assert.Equal("green", notForced.Channel);
        Assert.Equal(("yellow", "yellow"), (drawn.Channel, drawn.Random.Selected));
    }

    [Fact]
    public void An_aeo_of_another_country_is_relieved_only_while_an_arrangement_is_in_force()
    {
        var profile = Compile(Cotton);
        EconomicOperator[] kazakhAeo = [new() { Country = "KZ", Organisation = Subjects.SteppeCotton, CertificateNumber = "KZ-AEO-0042", ValidFrom = new(2025, 1, 1), ValidUntil = new(2028, 12, 31), Status = "active", StatusSince = Now.AddYears(-1) }];
        RecognitionArrangement[] inForce = [new() { CountryA = "KZ", CountryB = "UZ", Title = "KZ–UZ AEO mutual recognition", InForceFrom = new(2026, 1, 1) }];
        RecognitionArrangement[] ended = [new() { CountryA = "KZ", CountryB = "UZ", Title = "KZ–UZ AEO mutual recognition", InForceFrom = new(2025, 1, 1), InForceUntil = new(2026, 6, 1) }];

        var recognised = Run(profile, Subjects.CottonYarn(), operators: kazakhAeo, arrangements: inForce);
        var withoutArrangement = Run(profile, Subjects.CottonYarn(), operators: kazakhAeo);
        var afterItEnded = Run(profile, Subjects.CottonYarn(), operators: kazakhAeo, arrangements: ended);
        var atHome = Run(profile, Subjects.CottonYarn("KZ"), operators: kazakhAeo);
        var inTajikistan = Run(profile, Subjects.CottonYarn("TJ"), operators: kazakhAeo, arrangements: inForce);

        Assert.Equal((true, 0, "green"), (recognised.Aeo!.Applied, recognised.Score, recognised.Channel));
        Assert.Contains("KZ–UZ AEO mutual recognition", recognised.Aeo.Reason, StringComparison.Ordinal);
        Assert.Equal(recognised.Score, recognised.Fired.Sum(f => f.Score) - recognised.Aeo.Reduction);
        Assert.Equal((false, 30, "yellow"), (withoutArrangement.Aeo!.Applied, withoutArrangement.Score, withoutArrangement.Channel));
        Assert.Contains("no mutual recognition arrangement between KZ and UZ", withoutArrangement.Aeo.Reason, StringComparison.Ordinal);
        Assert.False(afterItEnded.Aeo!.Applied);
        Assert.True(atHome.Aeo!.Applied);
        Assert.False(inTajikistan.Aeo!.Applied);
    }

    [Fact]
    public void A_suspended_aeo_is_not_relieved_from_the_suspension_on()
    {
        var profile = Compile(Cotton);
        EconomicOperator[] suspended = [new() { Country = "UZ", Organisation = Subjects.SteppeCotton, CertificateNumber = "UZ-AEO-7", ValidFrom = new(2025, 1, 1), ValidUntil = new(2028, 12, 31), Status = "suspended", StatusSince = Now.AddDays(-1) }];

        var now = Run(profile, Subjects.CottonYarn(), operators: suspended);
        var before = RiskAssessor.Run(profile, Subjects.CottonYarn(), suspended, [], [], "seed-1", Now.AddDays(-2));

        Assert.False(now.Aeo!.Applied);
        Assert.True(before.Aeo!.Applied);
    }

    [Fact]
    public void An_alert_published_to_uzbekistan_changes_uzbekistan_s_assessment_and_not_tajikistan_s()
    {
        var profile = Compile(Subjects.Profile(new RuleDefinition("R-A", "Partner alert", "alert", "matches", Score: 40)));
        SharedAlert[] alerts =
        [
            new()
            {
                Id = Guid.NewGuid(), FromCountry = "KZ", ToCountries = "UZ", Summary = "Undervalued cotton yarn via Zhibek Zholy", HsFrom = "5205", HsTo = "5207",
                ValidFrom = Now.AddDays(-1), ValidUntil = Now.AddDays(30), CreatedAt = Now.AddDays(-1), CreatedBy = "analyst.kz",
            },
        ];

        var uzbekistan = Run(profile, Subjects.CottonYarn("UZ"), alerts: alerts);
        var tajikistan = Run(profile, Subjects.CottonYarn("TJ"), alerts: alerts);
        var otherGoods = Run(profile, Subjects.CottonYarn("UZ", hs: "854140"), alerts: alerts);

        Assert.Equal(("yellow", 40), (uzbekistan.Channel, uzbekistan.Score));
        Assert.Equal(alerts[0].Id.ToString(), Assert.Single(uzbekistan.Fired).AlertId);
        Assert.Contains("alert from KZ", uzbekistan.Fired[0].Description, StringComparison.Ordinal);
        Assert.Equal(("green", 0), (tajikistan.Channel, tajikistan.Score));
        Assert.Empty(otherGoods.Fired);
    }

    [Fact]
    public void A_trader_refused_before_scores_higher()
    {
        var profile = Compile(Subjects.Profile(new RuleDefinition("R-H", "Refused twice before", "previousRefusals", "at-least", Value: 2, Score: 60)));

        Assert.Equal("green", Run(profile, Subjects.CottonYarn(refusals: 1)).Channel);
        Assert.Equal("red", Run(profile, Subjects.CottonYarn(refusals: 2)).Channel);
    }
}
