using System.Security.Cryptography;
using Caravan.Risk.Contracts;
using Caravan.Risk.Engine;
using Caravan.Risk.Features.Assess;

namespace Caravan.Risk.Features.Profiles;

/// <summary>
/// "How would this draft have routed the last thousand controls?" Runs the active version and the draft over the same
/// recent subjects (supplied by Trade), each subject with one fresh seed shared by both runs, so the random draws are
/// the same and only the rules, bands and rates make a difference. Stores nothing.
/// </summary>
internal sealed class ProfilePreview(RiskSnapshotCache cache, IRecentRiskSubjects recent, TimeProvider clock)
{
    public const int Sample = 1000;

    private const int TopRuleCount = 10;

    /// <summary>The preview, or the draft's errors by field (as when it is stored, without the "definition." prefix).</summary>
    public async Task<(ProfilePreviewView? Preview, IReadOnlyDictionary<string, string[]> Errors)> RunAsync(string country, ProfileDefinition? draft, CancellationToken cancellationToken)
    {
        var (compiled, errors) = ProfileCompiler.Compile(draft);
        if (compiled is null)
        {
            return (null, errors);
        }

        var snapshot = await cache.GetAsync(cancellationToken);
        var active = snapshot.ActiveProfiles.GetValueOrDefault(country);
        var subjects = await recent.ForCountryAsync(country, Sample, cancellationToken);
        var at = clock.GetUtcNow();
        var before = new List<string>(subjects.Count);
        var after = new List<string>(subjects.Count);
        var fired = new Dictionary<string, (string Description, int Times)>(StringComparer.Ordinal);
        var changed = 0;
        foreach (var recentSubject in subjects)
        {
            var seed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var was = active is null
                ? RiskAssessor.Unprofiled(country, seed)
                : RiskAssessor.Run(active, recentSubject.Subject, snapshot.Operators, snapshot.Arrangements, snapshot.Alerts, seed, at);
            var would = RiskAssessor.Run(compiled, recentSubject.Subject, snapshot.Operators, snapshot.Arrangements, snapshot.Alerts, seed, at);
            before.Add(was.Channel);
            after.Add(would.Channel);
            changed += was.Channel == would.Channel ? 0 : 1;
            foreach (var rule in would.Fired.DistinctBy(f => f.RuleId))
            {
                var times = fired.TryGetValue(rule.RuleId, out var seen) ? seen.Times : 0;
                fired[rule.RuleId] = (compiled.Rules.First(r => r.Id == rule.RuleId).Description, times + 1);
            }
        }

        var top = fired.OrderByDescending(f => f.Value.Times).ThenBy(f => f.Key, StringComparer.Ordinal).Take(TopRuleCount)
            .Select(f => new RuleFiring(f.Key, f.Value.Description, f.Value.Times)).ToList();
        return (new ProfilePreviewView(country, active?.Version, subjects.Count, Shares(before), Shares(after), changed, top), errors);
    }

    private static List<ChannelShare> Shares(List<string> channels) =>
        Channels.All.Select(c =>
        {
            var count = channels.Count(x => x == c);
            return new ChannelShare(c, count, channels.Count == 0 ? 0 : (double)count / channels.Count);
        }).ToList();
}
