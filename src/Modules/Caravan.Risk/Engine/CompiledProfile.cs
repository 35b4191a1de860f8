using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Caravan.Risk.Contracts;

namespace Caravan.Risk.Engine;

internal sealed record CompiledRule(string Id, string Description, int Score, string? Channel, bool PerItem, bool IsAlertRule, Func<RiskFacts, int, bool> Matches);

/// <summary>A shared alert in force for the assessing country, already matched against the subject.</summary>
internal sealed record MatchedAlert(string Id, string FromCountry, string Summary);

/// <summary>The subject with what rules ask for precomputed once: HS codes as numbers, value per kilogram.</summary>
internal sealed class RiskFacts
{
    public RiskFacts(RiskSubject subject, IReadOnlyList<MatchedAlert> alerts)
    {
        Subject = subject;
        MatchingAlerts = alerts;
        HsNumbers = subject.Items.Select(i => int.TryParse(i.HsCode, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
    }

    public RiskSubject Subject { get; }

    public IReadOnlyList<MatchedAlert> MatchingAlerts { get; }

    public int[] HsNumbers { get; }

    /// <summary>The declared value per kilogram of net mass, when the item is declared in that currency.</summary>
    public decimal? ValuePerKg(int item, string currency)
    {
        var i = Subject.Items[item];
        return i.NetMassKg > 0 && string.Equals(i.Currency, currency, StringComparison.Ordinal) ? i.Value / i.NetMassKg : null;
    }
}

/// <summary>A stored profile version, ready to run: rules, bands, random rates and the AEO reduction.</summary>
internal sealed class CompiledProfile(int version, IReadOnlyList<CompiledRule> rules, IReadOnlyList<(int From, string Channel)> bands, double yellowRate, double redRate, int aeoReduction)
{
    public int Version => version;

    public IReadOnlyList<CompiledRule> Rules => rules;

    public int AeoReduction => aeoReduction;

    /// <summary>
    /// Runs the rules: each fires at most once (for the first goods item it matches, or once per matching alert),
    /// the score is the sum of what fired less the AEO reduction, the channel the highest of the score's band, the
    /// channels fired rules force, and the random selection drawn from the seed.
    /// </summary>
    public RiskAssessment Assess(RiskFacts facts, AeoTreatment? aeo, string seed)
    {
        var fired = new List<FiredRule>();
        var forced = Channels.Green;
        var itemCount = facts.Subject.Items.Count;
        foreach (var rule in rules)
        {
            if (rule.IsAlertRule)
            {
                foreach (var alert in facts.MatchingAlerts)
                {
                    fired.Add(new FiredRule(rule.Id, $"{rule.Description} — alert from {alert.FromCountry}: {alert.Summary}".Trim(' ', '—'), rule.Score, rule.Channel, null, alert.Id));
                    forced = Channels.Max(forced, rule.Channel);
                }

                continue;
            }

            if (rule.PerItem)
            {
                for (var i = 0; i < itemCount; i++)
                {
                    if (rule.Matches(facts, i))
                    {
                        fired.Add(new FiredRule(rule.Id, rule.Description, rule.Score, rule.Channel, i));
                        forced = Channels.Max(forced, rule.Channel);
                        break;
                    }
                }
            }
            else if (rule.Matches(facts, 0))
            {
                fired.Add(new FiredRule(rule.Id, rule.Description, rule.Score, rule.Channel, null));
                forced = Channels.Max(forced, rule.Channel);
            }
        }

        var score = fired.Sum(f => f.Score) - (aeo is { Applied: true } ? aeo.Reduction : 0);
        var byScore = bands[0].Channel;
        foreach (var (from, channel) in bands)
        {
            if (score >= from)
            {
                byScore = channel;
            }
        }

        var draw = Draw(seed, facts.Subject.Country);
        var selected = draw < redRate ? Channels.Red : draw < redRate + yellowRate ? Channels.Yellow : null;
        var channelBeforeRandom = Channels.Max(byScore, forced);
        var final = Channels.Max(channelBeforeRandom, selected);
        return new RiskAssessment(
            facts.Subject.Country,
            final,
            score,
            version,
            fired,
            aeo,
            new RandomSelection(draw, yellowRate, redRate, Channels.Rank(selected) > Channels.Rank(channelBeforeRandom) ? selected : null),
            byScore,
            seed);
    }

    /// <summary>A number in [0, 1) from the recorded seed: the same seed always draws the same number.</summary>
    internal static double Draw(string seed, string country)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{country}"), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }
}
