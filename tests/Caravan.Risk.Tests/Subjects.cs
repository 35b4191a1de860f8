using Caravan.Risk.Contracts;

namespace Caravan.Risk.Tests;

/// <summary>Subjects as the Trade module builds them: cotton yarn by road from China through Kazakhstan to Uzbekistan.</summary>
internal static class Subjects
{
    public static readonly Guid SteppeCotton = Guid.Parse("0b7f3c1e-5a55-4c61-9d0e-6f1b2b8a9e01");

    public static RiskSubject CottonYarn(string country = "UZ", decimal value = 52200m, string origin = "CN", string hs = "520512", int refusals = 0) => new(
        country,
        country == "CN" ? "export" : country == "UZ" ? "import" : "transit",
        SteppeCotton,
        "CN",
        "UZ",
        ["CN", "KZ", "UZ"],
        country == "UZ" ? ["KZ-UZ-01"] : ["CN-KZ-01", "KZ-UZ-01"],
        "road",
        [new RiskItem(hs, origin, 18000m, value, "USD")],
        refusals);

    public static ProfileDefinition Profile(params RuleDefinition[] rules) => new(
        rules,
        [new ChannelBand(0, 30, "green"), new ChannelBand(30, 60, "yellow"), new ChannelBand(60, null, "red")],
        new RandomRates(0, 0),
        30);
}
