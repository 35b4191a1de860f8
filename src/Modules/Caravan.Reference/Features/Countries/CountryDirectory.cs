using Caravan.Reference.Contracts;
using Caravan.Reference.Data;
using Caravan.Reference.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Reference.Features.Countries;

internal sealed class CountryDirectory(ReferenceDbContext db) : ICountryDirectory
{
    public async Task<IReadOnlyList<CountryInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var countries = await db.Countries.AsNoTracking().Include(c => c.Names).ToListAsync(cancellationToken).ConfigureAwait(false);
        return countries
            .OrderBy(c => IndexOf(c.Code))
            .Select(ToInfo)
            .ToList();
    }

    public async Task<CountryInfo?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var country = await db.Countries.AsNoTracking().Include(c => c.Names)
            .SingleOrDefaultAsync(c => c.Code == code, cancellationToken).ConfigureAwait(false);
        return country is null ? null : ToInfo(country);
    }

    private static int IndexOf(string code)
    {
        var index = ReferenceCodes.MemberStates.ToList().IndexOf(code);
        return index < 0 ? int.MaxValue : index;
    }

    private static CountryInfo ToInfo(Country c) => new(
        c.Code,
        c.Iso3,
        c.NumericCode,
        c.Currency,
        c.TimeZone,
        c.CustomsUnion,
        c.Names
            .OrderBy(n => Languages.CountryNames.ToList().IndexOf(n.Language))
            .ToDictionary(n => n.Language, n => n.Name, StringComparer.Ordinal));
}
