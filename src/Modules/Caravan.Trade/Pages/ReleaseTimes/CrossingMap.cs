using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;

namespace Caravan.Trade.Pages.ReleaseTimes;

/// <summary>
/// A schematic of the border crossings coloured by their median arrival-to-release time: one strip per border (a pair
/// of countries), busiest first, with a tile per open crossing (and any closed one that was measured) that the view's
/// filters admit. Most crossings
/// have no reliable coordinates in the reference data, so the schematic is by border rather than by position.
/// </summary>
internal sealed class CrossingMap
{
    /// <summary>Upper bounds of the median classes, in hours; the last class is open.</summary>
    public static readonly IReadOnlyList<double> ClassBounds = [1, 3, 6, 12];

    private CrossingMap(IReadOnlyList<BorderStrip> borders) => Borders = borders;

    public IReadOnlyList<BorderStrip> Borders { get; }

    /// <param name="country">The view's country filter: only its borders are drawn.</param>
    /// <param name="crossing">The view's crossing filter: only that crossing is drawn.</param>
    public static CrossingMap Build(IReadOnlyList<BorderCrossingInfo> crossings, IReadOnlyList<ReleaseTimeGroup> measured, string? country, string? crossing)
    {
        var byCrossing = measured.ToDictionary(g => g.Key, StringComparer.Ordinal);
        var borders = crossings
            .Where(c => (c.IsOpen || byCrossing.ContainsKey(c.Id)) && (country is null || c.Involves(country)) && (crossing is null || c.Id == crossing))
            .Select(c => new MapPoint(c, byCrossing.GetValueOrDefault(c.Id), ClassOf(byCrossing.GetValueOrDefault(c.Id)?.Total.MedianSeconds)))
            .GroupBy(p => string.CompareOrdinal(p.Crossing.SideA.Country, p.Crossing.SideB.Country) < 0
                ? (p.Crossing.SideA.Country, p.Crossing.SideB.Country)
                : (p.Crossing.SideB.Country, p.Crossing.SideA.Country))
            .Select(g => new BorderStrip(g.Key.Item1, g.Key.Item2,
                g.OrderByDescending(p => p.Group?.Controls ?? 0).ThenBy(p => p.Crossing.Id, StringComparer.Ordinal).ToList()))
            .OrderByDescending(b => b.Controls).ThenBy(b => b.CountryA, StringComparer.Ordinal).ThenBy(b => b.CountryB, StringComparer.Ordinal)
            .ToList();
        return new CrossingMap(borders);
    }

    /// <summary>0–4 by <see cref="ClassBounds"/>; -1 when nothing was measured.</summary>
    public static int ClassOf(double? medianSeconds) =>
        medianSeconds is not { } s ? -1 : ClassBounds.Count(b => s >= b * 3600);
}

/// <summary>The crossings of one border, the busiest first.</summary>
internal sealed record BorderStrip(string CountryA, string CountryB, IReadOnlyList<MapPoint> Crossings)
{
    public int Controls => Crossings.Sum(c => c.Group?.Controls ?? 0);
}

/// <param name="Class">The median's class (0 fastest … 4 slowest), -1 without measurements.</param>
internal sealed record MapPoint(BorderCrossingInfo Crossing, ReleaseTimeGroup? Group, int Class);
