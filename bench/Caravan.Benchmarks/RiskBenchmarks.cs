using System.Globalization;
using BenchmarkDotNet.Attributes;
using Caravan.Risk.Contracts;
using Caravan.Risk.Engine;
using Caravan.Risk.Features.Assess;
using RulesEngine.Models;

namespace Caravan.Benchmarks;

/// <summary>
/// One risk assessment of a three-item consignment against a profile of 200 rules (issue 5), beside Microsoft's
/// RulesEngine evaluating the same 200 rules, written as its lambda expressions, over the same data. Both give the
/// same total score (checked in the set-up). Run: <c>dotnet run -c Release -- --filter *RiskBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class RiskBenchmarks
{
    private const int RuleCount = 200;
    private static readonly string[] Origins = ["AF", "IR", "KP", "SY", "MM", "CN", "TR", "IN"];
    private static readonly string[] CrossingIds = ["CN-KZ-01", "CN-KZ-03", "CN-KG-01", "KZ-UZ-01", "KG-UZ-01", "TJ-UZ-01"];

    private CompiledProfile _profile = null!;
    private RiskSubject _subject = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private RuleInput _input = null!;
    private readonly DateTimeOffset _now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The same subject as RulesEngine sees it: plain properties its expression language can read.</summary>
    public sealed class RuleInput
    {
        public required List<RuleItem> Items { get; init; }

        public required List<string> Crossings { get; init; }

        public required string Mode { get; init; }

        public int PreviousRefusals { get; init; }
    }

    public sealed class RuleItem
    {
        public int Hs { get; init; }

        public required string Origin { get; init; }

        public decimal NetMass { get; init; }

        public decimal Value { get; init; }

        public required string Currency { get; init; }
    }

    [GlobalSetup]
    public void Setup()
    {
        var rules = new List<RuleDefinition>();
        var expressions = new List<Rule>();
        for (var k = 0; k < RuleCount; k++)
        {
            var id = $"R-{k:000}";
            var score = 5 + (k % 20);
            switch (k % 5)
            {
                case 0:
                    var chapter = (10 + (k * 7 % 85)).ToString("00", CultureInfo.InvariantCulture);
                    rules.Add(new RuleDefinition(id, null, "hsCode", "in-range", From: chapter, To: chapter, Score: score));
                    expressions.Add(Rule(id, score, $"input1.Items.Any(i => i.Hs >= {chapter}0000 && i.Hs <= {chapter}9999)"));
                    break;
                case 1:
                    string[] origins = [Origins[k % Origins.Length], Origins[(k + 3) % Origins.Length]];
                    rules.Add(new RuleDefinition(id, null, "countryOfOrigin", "in", Values: origins, Score: score));
                    expressions.Add(Rule(id, score, $"input1.Items.Any(i => i.Origin == \"{origins[0]}\" || i.Origin == \"{origins[1]}\")"));
                    break;
                case 2:
                    var limit = 0.5m + (k % 7);
                    rules.Add(new RuleDefinition(id, null, "valuePerKg", "below", Value: limit, Currency: "USD", Score: score));
                    expressions.Add(Rule(id, score, $"input1.Items.Any(i => i.Currency == \"USD\" && i.NetMass > 0 && i.Value / i.NetMass < {limit.ToString(CultureInfo.InvariantCulture)})"));
                    break;
                case 3:
                    var crossing = CrossingIds[k % CrossingIds.Length];
                    rules.Add(new RuleDefinition(id, null, "crossing", "in", Values: [crossing], Score: score));
                    expressions.Add(Rule(id, score, $"input1.Crossings.Contains(\"{crossing}\")"));
                    break;
                default:
                    var least = 1 + (k % 4);
                    rules.Add(new RuleDefinition(id, null, "previousRefusals", "at-least", Value: least, Score: score));
                    expressions.Add(Rule(id, score, $"input1.PreviousRefusals >= {least}"));
                    break;
            }
        }

        var (profile, errors) = ProfileCompiler.Compile(
            new ProfileDefinition(rules, [new ChannelBand(0, 300, "green"), new ChannelBand(300, 600, "yellow"), new ChannelBand(600, null, "red")], new RandomRates(0.05, 0.01), 30),
            7);
        _profile = profile ?? throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
        _subject = new RiskSubject(
            "KZ", "transit", Guid.NewGuid(), "CN", "UZ", ["CN", "KZ", "UZ"], ["CN-KZ-01", "KZ-UZ-01"], "road",
            [
                new RiskItem("520512", "CN", 18000m, 52200m, "USD"),
                new RiskItem("854140", "CN", 2400m, 3100m, "USD"),
                new RiskItem("080131", "AF", 600m, 900m, "USD"),
            ],
            2);
        _input = new RuleInput
        {
            Items = _subject.Items.Select(i => new RuleItem { Hs = int.Parse(i.HsCode, CultureInfo.InvariantCulture), Origin = i.CountryOfOrigin, NetMass = i.NetMassKg, Value = i.Value, Currency = i.Currency }).ToList(),
            Crossings = [.. _subject.Crossings],
            Mode = _subject.TransportMode,
            PreviousRefusals = _subject.PreviousRefusals,
        };
        _rulesEngine = new RulesEngine.RulesEngine([new Workflow { WorkflowName = "risk", Rules = expressions }], new ReSettings());

        var ours = Caravan();
        var theirs = RulesEngineScore().AsTask().GetAwaiter().GetResult();
        if (ours.Fired.Sum(f => f.Score) != theirs)
        {
            throw new InvalidOperationException($"The two engines disagree: {ours.Fired.Sum(f => f.Score)} against {theirs}.");
        }
    }

    private static Rule Rule(string id, int score, string expression) => new()
    {
        RuleName = id,
        SuccessEvent = score.ToString(CultureInfo.InvariantCulture),
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Expression = expression,
    };

    [Benchmark(Baseline = true, Description = "RulesEngine 6.0.1, 200 rules")]
    public async ValueTask<int> RulesEngineScore()
    {
        var results = await _rulesEngine.ExecuteAllRulesAsync("risk", _input);
        var total = 0;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                total += int.Parse(result.Rule.SuccessEvent, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [Benchmark(Description = "Caravan engine, 200 rules, with explanation")]
    public RiskAssessment Caravan() => _profile.Assess(new RiskFacts(_subject, []), null, "0123456789abcdef");

    [Benchmark(Description = "Caravan assessment (AEO and alerts looked up too)")]
    public RiskAssessment CaravanWithContext() => RiskAssessor.Run(_profile, _subject, [], [], [], "0123456789abcdef", _now);
}
