using Caravan.Platform.Http;

namespace Caravan.Reference.Contracts;

/// <summary>Border crossing points between the six countries.</summary>
public interface IBorderCrossingDirectory
{
    Task<IReadOnlyList<BorderCrossingInfo>> ListAsync(BorderCrossingFilter filter, CancellationToken cancellationToken = default);

    Task<BorderCrossingInfo?> FindAsync(string id, CancellationToken cancellationToken = default);
}

/// <param name="Country">Upper-case ISO code: crossings with a post in that country.</param>
/// <param name="Mode">"road" or "rail".</param>
public sealed record BorderCrossingFilter(string? Country = null, string? Mode = null)
{
    public static readonly IReadOnlyList<string> Modes = ["road", "rail"];

    /// <summary>Validates a filter as a user typed it; the error names the field ("country: …", "mode: …").</summary>
    public static Parsed<BorderCrossingFilter> Parse(string? country, string? mode)
    {
        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(country))
        {
            var parsed = ReferenceCodes.ParseCountryCode(country);
            if (!parsed.IsValid)
            {
                return Parsed<BorderCrossingFilter>.Fail("country", parsed.Reason!);
            }

            countryCode = parsed.Value;
        }

        string? modeName = null;
        if (!string.IsNullOrWhiteSpace(mode))
        {
            modeName = mode.Trim().ToLowerInvariant();
            if (!Modes.Contains(modeName))
            {
                return Parsed<BorderCrossingFilter>.Fail("mode", $"'{ReferenceCodes.Truncate(mode)}' is not a transport mode of a crossing; use road or rail.");
            }
        }

        return Parsed<BorderCrossingFilter>.Ok(new BorderCrossingFilter(countryCode, modeName));
    }
}

public sealed record BorderCrossingInfo(
    string Id,
    string Mode,
    string Status,
    string? NameZh,
    CrossingSideInfo SideA,
    CrossingSideInfo SideB,
    Coordinates? Coordinates,
    string? Notes,
    IReadOnlyList<string> Sources)
{
    /// <summary>A display name: both posts' names where known.</summary>
    public string Name => (SideA.Name, SideB.Name) switch
    {
        ({ Length: > 0 } a, { Length: > 0 } b) => $"{a} – {b}",
        ({ Length: > 0 } a, _) => a,
        (_, { Length: > 0 } b) => b,
        _ => Id,
    };

    public bool Involves(string country) => SideA.Country == country || SideB.Country == country;

    /// <summary>Whether the crossing joins these two countries, in either direction.</summary>
    public bool Joins(string a, string b) => (SideA.Country == a && SideB.Country == b) || (SideA.Country == b && SideB.Country == a);

    /// <summary>
    /// Whether goods can cross here now, read from the status as the sources word it: operational, reopened,
    /// opened, seasonal — not planned, under construction or closed.
    /// </summary>
    public bool IsOpen => Status.StartsWith("operational", StringComparison.OrdinalIgnoreCase)
                          || Status.StartsWith("reopened", StringComparison.OrdinalIgnoreCase)
                          || Status.StartsWith("opened", StringComparison.OrdinalIgnoreCase)
                          || Status.StartsWith("seasonal", StringComparison.OrdinalIgnoreCase);
}

/// <param name="Name">Null where no source named this side's post.</param>
/// <param name="TimeZone">IANA zone of the post; times at the post are shown in it.</param>
/// <param name="Location">The UN/LOCODE location of the post, where the reference data have it.</param>
public sealed record CrossingSideInfo(
    string Country,
    string? Name,
    string? AdminArea,
    string? Locode,
    string TimeZone,
    LocationInfo? Location);

public sealed record LocationInfo(string Locode, string Name, string? Subdivision, string? Functions, Coordinates? Coordinates);

/// <param name="RefersTo">What the coordinates are of (the town, the pass); not always the gate itself.</param>
public sealed record Coordinates(double Latitude, double Longitude, string? RefersTo = null, string? Source = null);
