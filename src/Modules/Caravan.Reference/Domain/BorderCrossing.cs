namespace Caravan.Reference.Domain;

internal enum TransportMode
{
    Road,
    Rail,
}

/// <summary>A border crossing point: a pair of posts, one on each side of a border, for one mode.</summary>
internal sealed class BorderCrossing
{
    /// <summary>Stable identifier from the reference file, e.g. CN-KZ-01.</summary>
    public required string Id { get; set; }

    public required CrossingSide SideA { get; set; }

    public required CrossingSide SideB { get; set; }

    public string? NameZh { get; set; }

    public TransportMode Mode { get; set; }

    /// <summary>Status as the source words it ("operational", "seasonal", "reopened 13 Mar 2025", …).</summary>
    public required string Status { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? CoordinatesReferTo { get; set; }

    public string? CoordinatesSource { get; set; }

    public string? Notes { get; set; }

    /// <summary>Source URLs separated by " | ".</summary>
    public string? Sources { get; set; }
}

/// <summary>One side of a crossing: the post in one country. The name is empty where no source named it.</summary>
internal sealed class CrossingSide
{
    public required string CountryCode { get; set; }

    public string? Name { get; set; }

    public string? AdminArea { get; set; }

    public string? Locode { get; set; }
}
