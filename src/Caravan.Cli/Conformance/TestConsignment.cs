namespace Caravan.Cli.Conformance;

/// <summary>
/// The consignment a conformance run lodges: the same cotton yarn every time, on a road route that passes through the
/// country under test, with invented but valid parties. Its description says it is a conformance test, so that an
/// administration can tell it from real traffic in its queue.
/// </summary>
public static class TestConsignment
{
    /// <param name="Countries">From dispatch (always CN) to destination (always UZ).</param>
    /// <param name="Crossings">One between each pair of countries.</param>
    public sealed record Route(IReadOnlyList<string> Countries, IReadOnlyList<string> Crossings)
    {
        /// <summary>The crossing where the country under test reports its events: where goods enter it, or leave it when they start there.</summary>
        public string CrossingOf(string country)
        {
            var index = Countries.ToList().IndexOf(country);
            return index == 0 ? Crossings[0] : Crossings[index - 1];
        }
    }

    public static readonly IReadOnlyList<string> Countries = ["CN", "KG", "KZ", "TJ", "TM", "UZ"];

    /// <summary>A route through <paramref name="country"/>, or null for a country outside the mechanism.</summary>
    public static Route? RouteThrough(string country) => country switch
    {
        "CN" or "KZ" or "UZ" => new Route(["CN", "KZ", "UZ"], ["CN-KZ-01", "KZ-UZ-01"]),
        "KG" => new Route(["CN", "KG", "UZ"], ["CN-KG-01", "KG-UZ-01"]),
        "TJ" => new Route(["CN", "TJ", "UZ"], ["CN-TJ-01", "TJ-UZ-01"]),
        "TM" => new Route(["CN", "KZ", "TM", "UZ"], ["CN-KZ-01", "KZ-TM-01", "TM-UZ-01"]),
        _ => null,
    };

    /// <summary>The declaration in the JSON shape of <c>POST /api/v1/consignments</c> (ConsignmentDeclaration).</summary>
    public static object Declaration(Route route, string runId)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new
        {
            declarant = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
            exporter = new { name = "Tianshan Textiles Co., Ltd.", country = "CN", nationalIdentifier = "91650100123456788W" },
            importer = new { name = "Tashkent Weaving LLC", country = "UZ", nationalIdentifier = "301234567" },
            goodsItems = new[]
            {
                new
                {
                    hsCode = "520512", description = $"Cotton yarn, single, uncombed (conformance test {runId})", quantity = 18000m, unit = "KGM",
                    grossMassKg = 18600m, netMassKg = 18000m, value = 52200m, currency = "USD", countryOfOrigin = "CN", packages = 600, packageType = "BG",
                },
            },
            containers = new[] { new { number = "CSQU3054383", seals = new[] { "CN-2026-000118" } } },
            transportMode = "3",
            transportMeans = "Truck with trailer",
            countryOfDispatch = route.Countries[0],
            countryOfDestination = route.Countries[^1],
            route = new { countries = route.Countries, crossings = route.Crossings },
        };
    }
}
