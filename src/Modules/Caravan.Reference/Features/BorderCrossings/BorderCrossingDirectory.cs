using Caravan.Reference.Contracts;
using Caravan.Reference.Data;
using Caravan.Reference.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Reference.Features.BorderCrossings;

internal sealed class BorderCrossingDirectory(ReferenceDbContext db) : IBorderCrossingDirectory
{
    public async Task<IReadOnlyList<BorderCrossingInfo>> ListAsync(BorderCrossingFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.BorderCrossings.AsNoTracking();
        if (filter.Country is { } country)
        {
            query = query.Where(b => b.SideA.CountryCode == country || b.SideB.CountryCode == country);
        }

        if (filter.Mode is { } modeName && Enum.TryParse<TransportMode>(modeName, ignoreCase: true, out var mode))
        {
            query = query.Where(b => b.Mode == mode);
        }

        var crossings = await query.OrderBy(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await ToInfoAsync(crossings, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BorderCrossingInfo?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var crossing = await db.BorderCrossings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false);
        return crossing is null ? null : (await ToInfoAsync([crossing], cancellationToken).ConfigureAwait(false))[0];
    }

    private async Task<IReadOnlyList<BorderCrossingInfo>> ToInfoAsync(List<BorderCrossing> crossings, CancellationToken cancellationToken)
    {
        var zones = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.TimeZone, cancellationToken).ConfigureAwait(false);
        var locodes = crossings.SelectMany(c => new[] { c.SideA.Locode, c.SideB.Locode }).OfType<string>().Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locodes.Contains(l.Locode))
            .ToDictionaryAsync(l => l.Locode, cancellationToken).ConfigureAwait(false);

        CrossingSideInfo Side(CrossingSide side) => new(
            side.CountryCode,
            side.Name,
            side.AdminArea,
            side.Locode,
            zones.GetValueOrDefault(side.CountryCode, "UTC"),
            side.Locode is not null && locations.TryGetValue(side.Locode, out var l)
                ? new LocationInfo(l.Locode, l.Name, l.SubdivisionName, l.Functions,
                    l.Latitude is { } lat && l.Longitude is { } lon ? new Coordinates(lat, lon, l.Name, "UN/LOCODE " + l.Edition) : null)
                : null);

        return crossings.Select(b => new BorderCrossingInfo(
                b.Id,
                b.Mode.ToString().ToLowerInvariant(),
                b.Status,
                b.NameZh,
                Side(b.SideA),
                Side(b.SideB),
                b.Latitude is { } lat && b.Longitude is { } lon ? new Coordinates(lat, lon, b.CoordinatesReferTo, b.CoordinatesSource) : null,
                b.Notes,
                (b.Sources ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
    }
}
