using System.Security.Cryptography;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Domain;
using Caravan.Risk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Risk.Features.Assess;

/// <summary>
/// Runs the assessing country's active profile over a subject, with the AEO treatment the trader is due there and the
/// shared alerts addressed to that country, and a fresh random seed, recorded so that the result can be replayed.
/// </summary>
internal sealed class RiskAssessor(RiskSnapshotCache cache, RiskDbContext db, TimeProvider clock) : IRiskAssessor
{
    /// <summary>Without an active profile every declaration goes to a documentary check: never release unassessed.</summary>
    public const string DefaultChannel = Channels.Yellow;

    public async Task<RiskAssessment> AssessAsync(RiskSubject subject, CancellationToken cancellationToken = default)
    {
        var snapshot = await cache.GetAsync(cancellationToken);
        var seed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var at = clock.GetUtcNow();
        if (!snapshot.ActiveProfiles.TryGetValue(subject.Country, out var profile))
        {
            return Unprofiled(subject.Country, seed);
        }

        return Run(profile, subject, snapshot.Operators, snapshot.Arrangements, snapshot.Alerts, seed, at);
    }

    public async Task<RiskAssessment?> ReplayAsync(RiskSubject subject, int profileVersion, string seed, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var stored = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Country == subject.Country && p.Version == profileVersion, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var operators = await db.Operators.AsNoTracking().Where(o => o.Organisation == subject.Trader).ToListAsync(cancellationToken);
        var arrangements = await db.Arrangements.AsNoTracking().ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking().ToListAsync(cancellationToken);
        return Run(RiskSnapshotCache.Compile(stored), subject, operators, arrangements, alerts, seed, at);
    }

    internal static RiskAssessment Unprofiled(string country, string seed) =>
        new(country, DefaultChannel, 0, null, [], null, new RandomSelection(0, 0, 0, null), DefaultChannel, seed);

    internal static RiskAssessment Run(
        CompiledProfile profile,
        RiskSubject subject,
        IReadOnlyList<EconomicOperator> operators,
        IReadOnlyList<RecognitionArrangement> arrangements,
        IReadOnlyList<SharedAlert> alerts,
        string seed,
        DateTimeOffset at)
    {
        var matched = alerts.Where(a => AddressedTo(a, subject.Country) && a.ValidFrom <= at && at < a.ValidUntil && Matches(a, subject))
            .OrderBy(a => a.CreatedAt)
            .Select(a => new MatchedAlert(a.Id.ToString(), a.FromCountry, a.Summary))
            .ToList();
        var aeo = AeoTreatmentFor(subject, profile.AeoReduction, operators, arrangements, at);
        return profile.Assess(new RiskFacts(subject, matched), aeo, seed);
    }

    private static bool AddressedTo(SharedAlert alert, string country) =>
        alert.FromCountry == country || alert.ToCountries.Split(',').Contains(country, StringComparer.Ordinal);

    internal static bool Matches(SharedAlert alert, RiskSubject subject)
    {
        if (alert.Trader is { } trader && trader != subject.Trader)
        {
            return false;
        }

        if (alert.RouteCountry is { } route && !subject.RouteCountries.Contains(route, StringComparer.Ordinal))
        {
            return false;
        }

        if (alert.CountryOfOrigin is { } origin && !subject.Items.Any(i => i.CountryOfOrigin == origin))
        {
            return false;
        }

        if (alert.HsFrom is { } from && alert.HsTo is { } to)
        {
            var range = HsRange.Of(from, to);
            return subject.Items.Any(i => int.TryParse(i.HsCode, out var n) && range.Contains(n));
        }

        return true;
    }

    /// <summary>
    /// AEO of the assessing country: reduced treatment. AEO of another country: reduced treatment only while an
    /// arrangement between the two is in force. Either way the reason says which certificate and which arrangement.
    /// </summary>
    internal static AeoTreatment? AeoTreatmentFor(RiskSubject subject, int reduction, IReadOnlyList<EconomicOperator> operators, IReadOnlyList<RecognitionArrangement> arrangements, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var valid = operators
            .Where(o => o.Organisation == subject.Trader && o.ValidFrom <= day && day <= o.ValidUntil && (o.Status == "active" || o.StatusSince > at))
            .OrderBy(o => o.Country == subject.Country ? 0 : 1)
            .ToList();
        if (valid.Count == 0)
        {
            var lapsed = operators.FirstOrDefault(o => o.Organisation == subject.Trader);
            return lapsed is null ? null : new AeoTreatment(false, 0, $"AEO certificate {lapsed.CertificateNumber} of {lapsed.Country} is not valid on {day:yyyy-MM-dd} ({lapsed.Status}, valid {lapsed.ValidFrom:yyyy-MM-dd} to {lapsed.ValidUntil:yyyy-MM-dd}).");
        }

        var home = valid.FirstOrDefault(o => o.Country == subject.Country);
        if (home is not null)
        {
            return new AeoTreatment(true, reduction, $"AEO of {home.Country} (certificate {home.CertificateNumber}, valid to {home.ValidUntil:yyyy-MM-dd}).");
        }

        foreach (var foreign in valid)
        {
            var (a, b) = Pair(foreign.Country, subject.Country);
            var arrangement = arrangements.FirstOrDefault(m => m.CountryA == a && m.CountryB == b && m.InForceFrom <= day && (m.InForceUntil is null || day < m.InForceUntil));
            if (arrangement is not null)
            {
                return new AeoTreatment(true, reduction, $"AEO of {foreign.Country} (certificate {foreign.CertificateNumber}), recognised in {subject.Country} under \"{arrangement.Title}\", in force since {arrangement.InForceFrom:yyyy-MM-dd}.");
            }
        }

        var first = valid[0];
        return new AeoTreatment(false, 0, $"AEO of {first.Country} (certificate {first.CertificateNumber}), but no mutual recognition arrangement between {first.Country} and {subject.Country} is in force: no reduced treatment here.");
    }

    internal static (string A, string B) Pair(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);
}
