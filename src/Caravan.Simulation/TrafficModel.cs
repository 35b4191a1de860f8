using System.Text.Json;

namespace Caravan.Simulation;

/// <summary>
/// What the simulator plays: lanes (a route over real crossings, its mode, its goods and its daily volume), the
/// working hours and queues of each crossing, and how long each step of customs work takes. The defaults are an
/// invented but plausible picture of China–Central Asia road and rail freight at demo size (docs/simulation.md);
/// <c>caravan simulate --model file.json</c> replaces any part of it, <c>--scale</c> multiplies every volume.
/// </summary>
internal sealed record TrafficModel
{
    /// <summary>Routes with their volume; the busiest are Khorgos/Nur Zholy by road and Alashankou/Dostyk by rail.</summary>
    public IReadOnlyList<Lane> Lanes { get; init; } = DefaultLanes;

    /// <summary>By crossing id: hours and queues. A crossing without an entry works 09:00–18:00 every day with the road defaults.</summary>
    public IReadOnlyDictionary<string, CrossingProfile> Crossings { get; init; } = DefaultCrossings;

    /// <summary>Goods by HS subheading (real HS 2022 codes), with a typical load and value.</summary>
    public IReadOnlyList<Goods> Goods { get; init; } = DefaultGoods;

    /// <summary>The traders on each side (invented; identifiers valid for their country), by country.</summary>
    public IReadOnlyDictionary<string, Party> Parties { get; init; } = DefaultParties;

    /// <summary>IANA time zone of each country, for working hours.</summary>
    public IReadOnlyDictionary<string, string> TimeZones { get; init; } = new Dictionary<string, string>
    {
        ["CN"] = "Asia/Shanghai", ["KZ"] = "Asia/Almaty", ["KG"] = "Asia/Bishkek", ["TJ"] = "Asia/Dushanbe", ["TM"] = "Asia/Ashgabat", ["UZ"] = "Asia/Tashkent",
    };

    public Durations Durations { get; init; } = new();

    /// <summary>The share of controls refused at the border, by channel.</summary>
    public IReadOnlyDictionary<string, double> RefusalShare { get; init; } = new Dictionary<string, double> { ["green"] = 0.002, ["yellow"] = 0.02, ["red"] = 0.08 };

    /// <summary>The share of lodgings made in the dispatch country's daytime (08:00–20:00); the rest at any hour.</summary>
    public double DaytimeLodgingShare { get; init; } = 0.8;

    public static TrafficModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<TrafficModel>(stream, JsonSerializerOptions.Web) ?? throw new FormatException($"{path} holds no traffic model.");
    }

    private static readonly Lane[] DefaultLanes =
    [
        new("Urumqi–Almaty by road via Khorgos/Nur Zholy", "3", ["CN", "KZ"], ["CN-KZ-01"], 12, ["854143", "870380", "847130", "640299", "940360"]),
        new("Xi'an–Tashkent by road via Khorgos and Zhibek Zholy", "3", ["CN", "KZ", "UZ"], ["CN-KZ-01", "KZ-UZ-01"], 6, ["854143", "870380", "847130"]),
        new("Urumqi–Bishkek by road via Khorgos and Ak-Zhol", "3", ["CN", "KZ", "KG"], ["CN-KZ-01", "KZ-KG-01"], 2, ["640299", "940360"]),
        new("Tacheng–Ayagoz by road via Bakhty", "3", ["CN", "KZ"], ["CN-KZ-05"], 2, ["940360", "640299"]),
        new("Alashankou–Dostyk by road", "3", ["CN", "KZ"], ["CN-KZ-04"], 3, ["847130", "854143"]),
        new("Kashgar–Osh by road via Irkeshtam", "3", ["CN", "KG"], ["CN-KG-02"], 5, ["640299", "847130", "940360"]),
        new("Kashgar–Bishkek by road via Torugart", "3", ["CN", "KG"], ["CN-KG-01"], 3, ["640299", "854143"]),
        new("Kashgar–Andijan by road via Irkeshtam and Dostuk", "3", ["CN", "KG", "UZ"], ["CN-KG-02", "KG-UZ-01"], 3, ["854143", "870380"]),
        new("Kashgar–Dushanbe by road via Kulma", "3", ["CN", "TJ"], ["CN-TJ-01"], 2, ["854143", "940360"]),
        new("Tashkent–Almaty produce by road via Zhibek Zholy", "3", ["UZ", "KZ"], ["KZ-UZ-01"], 5, ["070200", "081310", "520512"]),
        new("Tashkent–Urumqi yarn and fruit via Zhibek Zholy and Khorgos", "3", ["UZ", "KZ", "CN"], ["KZ-UZ-01", "CN-KZ-01"], 1, ["520512", "081310"]),
        new("Khujand–Tashkent by road via Fotehobod", "3", ["TJ", "UZ"], ["TJ-UZ-01"], 2, ["081310", "760110"]),
        new("Bukhara–Turkmenabat by road via Farap", "3", ["UZ", "TM"], ["TM-UZ-01"], 1, ["070200", "520512"]),
        new("Alashankou–Dostyk by rail", "2", ["CN", "KZ"], ["CN-KZ-03"], 8, ["854143", "870380", "847130"]),
        new("Khorgos–Altynkol by rail", "2", ["CN", "KZ"], ["CN-KZ-02"], 6, ["854143", "870380", "940360"]),
        new("Copper cathodes to China by rail via Dostyk", "2", ["KZ", "CN"], ["CN-KZ-03"], 2, ["740311"]),
        new("China–Turkmenistan by rail via Dostyk and Bolashak", "2", ["CN", "KZ", "TM"], ["CN-KZ-03", "KZ-TM-02"], 1, ["870380", "847130"]),
    ];

    private static readonly Dictionary<string, CrossingProfile> DefaultCrossings = new()
    {
        // Khorgos/Nur Zholy works around the clock (24/7 operation agreed to mid-2026); the busiest road post.
        ["CN-KZ-01"] = new() { AllDay = true, QueueMinutes = 150 },
        ["CN-KZ-02"] = new() { AllDay = true, QueueMinutes = 240, CheckMinutes = 60 },
        // Alashankou/Dostyk rail: gauge change 1435/1520 mm, long waits for wagons.
        ["CN-KZ-03"] = new() { AllDay = true, QueueMinutes = 360, CheckMinutes = 90 },
        ["CN-KZ-04"] = new() { QueueMinutes = 90 },
        ["CN-KZ-05"] = new() { QueueMinutes = 45 },
        // Torugart, Irkeshtam and Kulma: mountain passes, weekdays only.
        ["CN-KG-01"] = new() { QueueMinutes = 120, ClosedOn = [DayOfWeek.Saturday, DayOfWeek.Sunday] },
        ["CN-KG-02"] = new() { QueueMinutes = 180, ClosedOn = [DayOfWeek.Saturday, DayOfWeek.Sunday] },
        ["CN-TJ-01"] = new() { QueueMinutes = 90, ClosedOn = [DayOfWeek.Saturday, DayOfWeek.Sunday] },
        ["KZ-UZ-01"] = new() { AllDay = true, QueueMinutes = 180 },
        ["KZ-KG-01"] = new() { AllDay = true, QueueMinutes = 90 },
        ["KG-UZ-01"] = new() { AllDay = true, QueueMinutes = 120 },
        ["TJ-UZ-01"] = new() { AllDay = true, QueueMinutes = 60 },
        ["TM-UZ-01"] = new() { QueueMinutes = 120 },
        ["KZ-TM-02"] = new() { AllDay = true, QueueMinutes = 240, CheckMinutes = 60 },
    };

    private static readonly Goods[] DefaultGoods =
    [
        new("520512", "Cotton yarn, single, uncombed, 20 tex", 18_000, 2.9m, "BG", 600),
        new("854143", "Photovoltaic modules", 6_000, 20m, "PK", 40),
        new("081310", "Dried apricots", 15_000, 3.2m, "CT", 1500),
        new("740311", "Copper cathodes", 25_000, 9.1m, "BE", 10),
        new("870380", "Electric passenger cars", 8_000, 3.5m, "NE", 4),
        new("070200", "Tomatoes, fresh", 20_000, 0.8m, "CT", 2000),
        new("847130", "Portable computers", 4_000, 55m, "CT", 800),
        new("640299", "Footwear, rubber or plastic soles", 9_000, 7m, "CT", 900),
        new("940360", "Wooden furniture", 7_000, 4m, "PK", 120),
        new("760110", "Unwrought aluminium, not alloyed", 22_000, 2.4m, "BE", 22),
    ];

    private static readonly Dictionary<string, Party> DefaultParties = new()
    {
        ["CN"] = new("Tianshan Textiles Co., Ltd.", "91650100123456788W"),
        ["KZ"] = new("Steppe Cotton LLP", "210440012348"),
        ["KG"] = new("Bishkek Trade LLC", "01234567891011"),
        ["TJ"] = new("Sughd Dried Fruit LLC", "020025789"),
        ["TM"] = new("Ashgabat Trade House", "101010202020"),
        ["UZ"] = new("Tashkent Weaving LLC", "301234567"),
    };
}

/// <param name="Mode">UN/ECE Recommendation 19: 3 road, 2 rail.</param>
/// <param name="Countries">Dispatch first, destination last; consecutive countries share the crossing between them.</param>
/// <param name="Crossings">One crossing per border, in order.</param>
/// <param name="PerDay">Consignments lodged a day at scale 1 (Poisson).</param>
/// <param name="Goods">HS subheadings carried on this lane (from <see cref="TrafficModel.Goods"/>).</param>
internal sealed record Lane(string Name, string Mode, IReadOnlyList<string> Countries, IReadOnlyList<string> Crossings, double PerDay, IReadOnlyList<string> Goods);

/// <param name="KgPerLoad">A truck's load; a rail consignment carries three times as much.</param>
internal sealed record Goods(string Hs, string Description, decimal KgPerLoad, decimal UsdPerKg, string PackageType, int Packages);

internal sealed record Party(string Name, string NationalIdentifier);

/// <summary>A crossing's working hours (local time of each side) and its median queue and check, in minutes.</summary>
internal sealed record CrossingProfile
{
    public bool AllDay { get; init; }

    public TimeOnly Opens { get; init; } = new(9, 0);

    public TimeOnly Closes { get; init; } = new(18, 0);

    public IReadOnlyList<DayOfWeek> ClosedOn { get; init; } = [];

    public double QueueMinutes { get; init; } = 60;

    public double CheckMinutes { get; init; } = 25;
}

/// <summary>
/// Medians in minutes of lognormal durations (sigma is their spread: 0.5 ≈ most within ×/÷ 1.6). A lognormal is
/// never negative and has the long right tail of real waits at borders.
/// </summary>
internal sealed record Durations
{
    /// <summary>From lodging to arrival at the first crossing (pre-arrival data, hours ahead).</summary>
    public double LodgingLeadMinutes { get; init; } = 16 * 60;

    /// <summary>From lodging to each national system's acceptance of its control.</summary>
    public double AcceptMinutes { get; init; } = 20;

    /// <summary>A documentary inspection (yellow channel), on top of the check.</summary>
    public double DocumentaryInspectionMinutes { get; init; } = 120;

    /// <summary>A physical inspection (red channel), on top of the check.</summary>
    public double PhysicalInspectionMinutes { get; init; } = 300;

    /// <summary>From the end of the check to release.</summary>
    public double ReleaseMinutes { get; init; } = 10;

    /// <summary>From release to leaving the post.</summary>
    public double ExitMinutes { get; init; } = 15;

    /// <summary>Through the neutral zone: from leaving one post to entering the next country.</summary>
    public double NeutralZoneMinutes { get; init; } = 20;

    /// <summary>Driving time between two crossings or to the destination, road.</summary>
    public double RoadLegMinutes { get; init; } = 14 * 60;

    /// <summary>The same by rail.</summary>
    public double RailLegMinutes { get; init; } = 36 * 60;

    public double Sigma { get; init; } = 0.5;
}
