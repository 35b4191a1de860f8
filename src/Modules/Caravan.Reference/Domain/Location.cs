namespace Caravan.Reference.Domain;

/// <summary>A UN/LOCODE location: a place used in trade and transport.</summary>
internal sealed class Location
{
    public required string Locode { get; set; }

    public required string CountryCode { get; set; }

    public required string Name { get; set; }

    public required string NameAscii { get; set; }

    public string? SubdivisionCode { get; set; }

    public string? SubdivisionName { get; set; }

    /// <summary>Decoded UN/LOCODE function classifiers, e.g. "rail;road".</summary>
    public string? Functions { get; set; }

    public string? Status { get; set; }

    public string? Iata { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public required string Edition { get; set; }
}
