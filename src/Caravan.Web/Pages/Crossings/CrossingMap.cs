using System.Globalization;
using Caravan.Reference.Contracts;

namespace Caravan.Web.Pages.Crossings;

/// <summary>What the crossing map draws: an equirectangular frame around China's west and Central Asia.</summary>
public sealed class CrossingMap
{
    private const double West = 52, East = 92, South = 34, North = 50;

    public CrossingMap(IEnumerable<BorderCrossingInfo> crossings, string? highlight = null)
    {
        var located = crossings
            .Select(c => (c, At: c.Coordinates ?? c.SideA.Location?.Coordinates ?? c.SideB.Location?.Coordinates))
            .Where(x => x.At is not null)
            .ToList();
        CrossingCount = located.Count;

        // Crossings within a quarter of a degree (a road and a rail post at one town) are drawn as one dot.
        Points = located
            .GroupBy(x => (Math.Round(x.At!.Latitude * 4) / 4, Math.Round(x.At.Longitude * 4) / 4))
            .Select(g => new Point(
                g.Any(x => x.c.Id == highlight) ? highlight! : g.First().c.Id,
                string.Join(" / ", g.Select(x => ShortName(x.c)).Distinct()),
                string.Join("; ", g.Select(x => x.c.Name)),
                g.First().At!.Latitude,
                g.First().At!.Longitude,
                g.Any(x => x.c.Id == highlight)))
            .OrderBy(p => p.Highlight)
            .ToList();
    }

    /// <summary>The first post's name without its parenthesised variants: "Dostyk (Druzhba) station" → "Dostyk".</summary>
    private static string ShortName(BorderCrossingInfo crossing)
    {
        var name = crossing.SideA.Name ?? crossing.SideB.Name ?? crossing.Id;
        var cut = name.IndexOfAny(['(', ';']);
        return (cut > 0 ? name[..cut] : name).Replace(" station", string.Empty, StringComparison.Ordinal).Trim();
    }

    /// <summary>Labels near the east edge are written to the left of their dot so that they stay inside the frame.</summary>
    public bool LabelLeft(Point point) => point.Longitude > West + ((East - West) * 0.72);

    public int Width => 800;

    public int Height => (int)(Width * (North - South) / (East - West) / Math.Cos((South + North) / 2 * Math.PI / 180));

    public IReadOnlyList<Point> Points { get; }

    /// <summary>How many crossings are on the map (fewer dots where crossings share coordinates).</summary>
    public int CrossingCount { get; }

    public IEnumerable<int> Meridians => Enumerable.Range(0, 9).Select(i => 55 + (i * 5));

    public IEnumerable<int> Parallels => [35, 40, 45];

    public string X(double longitude) => ((longitude - West) / (East - West) * Width).ToString("0.#", CultureInfo.InvariantCulture);

    public string Y(double latitude) => ((North - latitude) / (North - South) * Height).ToString("0.#", CultureInfo.InvariantCulture);

    public sealed record Point(string Id, string Label, string Title, double Latitude, double Longitude, bool Highlight);
}
