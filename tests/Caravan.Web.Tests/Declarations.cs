namespace Caravan.Web.Tests;

/// <summary>Declarations as traders send them (JSON shape of the API). Identifiers are invented but valid.</summary>
internal static class Declarations
{
    /// <summary>Cotton yarn by road from Xinjiang through Khorgos/Nur Zholy and Zhibek Zholy to Uzbekistan.</summary>
    public static object CottonYarnChinaKazakhstanUzbekistan(string description = "Cotton yarn, single, uncombed, 20 tex") => new
    {
        declarant = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
        exporter = new { name = "Tianshan Textiles Co., Ltd.", country = "CN", nationalIdentifier = "91650100123456788W" },
        importer = new { name = "Tashkent Weaving LLC", country = "UZ", nationalIdentifier = "301234567" },
        goodsItems = new[]
        {
            new { hsCode = "520512", description, quantity = 18000m, unit = "KGM", grossMassKg = 18600m, netMassKg = 18000m, value = 52200m, currency = "USD", countryOfOrigin = "CN", packages = 600, packageType = "BG" },
        },
        containers = new[] { new { number = "CSQU3054383", seals = new[] { "CN-2026-000118" } } },
        transportMode = "3",
        transportMeans = "Truck with trailer",
        countryOfDispatch = "CN",
        countryOfDestination = "UZ",
        route = new { countries = new[] { "CN", "KZ", "UZ" }, crossings = new[] { "CN-KZ-01", "KZ-UZ-01" } },
    };
}
