using Caravan.Reference.Contracts;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Data;
using Caravan.Tariff.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Tariff.Features.Schedules;

/// <summary>
/// What the portal shows for an HS code: for each of the six countries the schedule it applies, the national lines
/// under the code valid on a date, and the requirements for the code. Also Trade's <see cref="IRequirementsDirectory"/>.
/// </summary>
internal sealed class TariffQueries(TariffDbContext db) : IRequirementsDirectory
{
    public static TariffLineView View(TariffLine l) => new(
        l.Schedule, l.Line, l.Description, l.AdValoremPercent, l.SpecificAmount, l.SpecificCurrency, l.SpecificUnit, l.Compound, l.VatPercent,
        l.VatRates(),
        l.Excise, l.LegalSource, l.ValidFrom, l.ValidTo, l.Illustrative);

    public static RequirementView View(Requirement r) => new(r.Id, r.Country, r.Direction, r.HsFrom, r.HsTo, r.Kind, r.Title, r.LegalSource, r.ValidFrom, r.ValidTo, r.Illustrative);

    /// <param name="code">2, 4, 6 or more digits.</param>
    public async Task<HeadingTariffs> ForCodeAsync(string code, DateOnly date, CancellationToken ct)
    {
        var lines = await db.Lines.AsNoTracking()
            .Where(l => l.Line.StartsWith(code) && l.ValidFrom <= date && (l.ValidTo == null || l.ValidTo >= date))
            .OrderBy(l => l.Line)
            .ToListAsync(ct);
        var requirements = await RequirementsAsync(code, date, ct);
        var countries = ReferenceCodes.MemberStates.Select(country =>
        {
            var schedule = TariffSchedules.ForCountry(country);
            return new CountryTariff(
                country,
                schedule,
                lines.Where(l => l.Schedule == schedule).Select(View).ToList(),
                requirements.Where(r => r.Country == country).ToList());
        }).ToList();
        return new HeadingTariffs(code, countries);
    }

    /// <summary>Requirements whose range covers the code, or lies inside it (a heading shows its subheadings' too).</summary>
    public async Task<List<RequirementView>> RequirementsAsync(string code, DateOnly date, CancellationToken ct)
    {
        var rows = await db.Requirements.AsNoTracking().Where(r => r.ValidFrom <= date && (r.ValidTo == null || r.ValidTo >= date)).ToListAsync(ct);
        return rows.Where(r => Covers(r, code) || Inside(r, code)).OrderBy(r => r.Country).ThenBy(r => r.Direction).ThenBy(r => r.Kind).Select(View).ToList();
    }

    public async Task<IReadOnlyList<RequirementView>> ForGoodsAsync(string country, string direction, IReadOnlyList<string> hsCodes, DateOnly date, CancellationToken cancellationToken = default)
    {
        var rows = await db.Requirements.AsNoTracking()
            .Where(r => r.Country == country && r.Direction == direction && r.ValidFrom <= date && (r.ValidTo == null || r.ValidTo >= date))
            .ToListAsync(cancellationToken);
        return rows.Where(r => hsCodes.Any(code => Covers(r, code))).Select(View).ToList();
    }

    /// <summary>Whether a code (6–10 digits) falls in the range: compared on as many digits as the range bounds have.</summary>
    private static bool Covers(Requirement r, string code) => RequirementView.Covers(r.HsFrom, r.HsTo, code);

    private static bool Inside(Requirement r, string code) => r.HsFrom.StartsWith(code, StringComparison.Ordinal) || r.HsTo.StartsWith(code, StringComparison.Ordinal);

    public async Task<List<ExchangeRateView>> LatestRatesAsync(CancellationToken ct) =>
        (await db.Rates.AsNoTracking().ToListAsync(ct))
            .GroupBy(r => (r.Currency, r.QuoteCurrency))
            .Select(g => g.OrderByDescending(r => r.Date).First())
            .OrderBy(r => r.QuoteCurrency).ThenBy(r => r.Currency)
            .Select(r => new ExchangeRateView(r.Currency, r.QuoteCurrency, r.Date, r.Rate, r.Source, r.Illustrative))
            .ToList();
}
