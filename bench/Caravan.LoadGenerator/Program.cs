using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Usage: dotnet run -c Release --project bench/Caravan.LoadGenerator -- <base-url> <seconds> <concurrency> [host-pid] [lodging|hs]
// Authenticates as the demo trader's system (client credentials), then for <seconds> lodges consignments from
// <concurrency> parallel workers, and for the same time calls a trivial endpoint (/health/live) the same way: the
// ceiling of the same host. Prints both, and the host's peak resident memory when its pid is given.
// With "hs" (issue 8) it searches GET /api/v1/hs?q= instead, anonymously, cycling through trade descriptions in
// English, Russian and Chinese (HsQueries below), after the same ceiling.
var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5099/");
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
var pid = args.Length > 3 && args[3].Length > 0 ? args[3] : null;
var scenario = args.Length > 4 ? args[4] : "lodging";

using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
if (scenario == "hs")
{
    var hsCeiling = await RunAsync("GET /health/live (ceiling)", seconds, concurrency, (client, _) => client.GetAsync(new Uri("health/live", UriKind.Relative)));
    var search = await RunAsync("GET /api/v1/hs?q= (ranked search, 3 languages)", seconds, concurrency, (client, i) =>
        client.GetAsync(new Uri("api/v1/hs?q=" + Uri.EscapeDataString(HsQueries.All[i % HsQueries.All.Length]), UriKind.Relative)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search / ceiling throughput: {search / hsCeiling:0.000}"));
    PrintPeak();
    return;
}

var token = await TokenAsync(http);
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var ceiling = await RunAsync("GET /health/live (ceiling)", seconds, concurrency, (client, _) => client.GetAsync(new Uri("health/live", UriKind.Relative)));
var lodging = await RunAsync("POST /api/v1/consignments", seconds, concurrency, (client, i) => client.PostAsJsonAsync(new Uri("api/v1/consignments", UriKind.Relative), Consignments.Next(i)));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lodging / ceiling throughput: {lodging / ceiling:0.000}"));
PrintPeak();

void PrintPeak()
{
    if (pid is not null && File.Exists($"/proc/{pid}/status"))
    {
        var peak = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM", StringComparison.Ordinal));
        Console.WriteLine($"host peak resident memory: {peak.Split(':')[1].Trim()}");
    }
}

async Task<double> RunAsync(string name, int duration, int workers, Func<HttpClient, int, Task<HttpResponseMessage>> call)
{
    var latencies = new List<double>[workers];
    var failures = 0;
    var counter = 0;
    var stop = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
    {
        latencies[w] = [];
        while (stop.Elapsed.TotalSeconds < duration)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await call(http, Interlocked.Increment(ref counter));
            latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                if (Interlocked.Increment(ref failures) == 1)
                {
                    Console.Error.WriteLine($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToList();
    var throughput = all.Count / stop.Elapsed.TotalSeconds;
    double P(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {all.Count} requests in {stop.Elapsed.TotalSeconds:0.0} s with {workers} workers = {throughput:0.0}/s; p50 {P(0.50):0.0} ms, p99 {P(0.99):0.0} ms; {failures} failed"));
    return throughput;
}

static async Task<string> TokenAsync(HttpClient http)
{
    using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = "demo-trader-kz",
        ["client_secret"] = "demo-secret-trader-kz",
    }));
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    return body.TryGetProperty("access_token", out var token) ? token.GetString()! : throw new InvalidOperationException($"No token: {body}");
}

/// <summary>Trade descriptions as traders type them, in the three languages of the search (issue 8).</summary>
internal static class HsQueries
{
    public static readonly string[] All =
    [
        "cotton yarn", "хлопковая пряжа", "棉纱", "photovoltaic modules", "солнечные панели", "电动汽车", "dried apricots", "медные катоды",
        "Frozen boneless beef", "мука пшеничная высшего сорта", "螺纹钢", "Lithium-ion batteries", "шины для грузовых автомобилей", "笔记本电脑",
        "Hydraulic excavator", "холодильник бытовой", "羽绒服", "Seamless steel pipes for oil wells", "удобрение карбамид", "集装箱",
    ];
}

/// <summary>Realistic consignments: real HS subheadings, real routes over open crossings. Identifiers are invented but valid.</summary>
internal static class Consignments
{
    private static readonly (string Hs, string Description, decimal Kg, decimal Usd)[] Goods =
    [
        ("520512", "Cotton yarn, single, uncombed", 18_000, 52_200),
        ("870323", "Passenger cars, 1,500–3,000 cc", 9_600, 96_000),
        ("080810", "Apples, fresh", 20_000, 14_000),
        ("720839", "Flat-rolled iron, hot-rolled, < 3 mm", 24_000, 16_800),
        ("854143", "Photovoltaic cells assembled in modules", 6_000, 120_000),
    ];

    private static readonly (string[] Countries, string[] Crossings, string Mode)[] Routes =
    [
        (["CN", "KZ", "UZ"], ["CN-KZ-01", "KZ-UZ-01"], "3"),
        (["CN", "KZ"], ["CN-KZ-03"], "2"),
        (["CN", "KG", "UZ"], ["CN-KG-01", "KG-UZ-01"], "3"),
        (["CN", "TJ"], ["CN-TJ-01"], "3"),
        (["CN", "KZ", "KG"], ["CN-KZ-04", "KZ-KG-01"], "3"),
    ];

    private static readonly Dictionary<string, (string Name, string Id)> Importers = new()
    {
        ["UZ"] = ("Tashkent Weaving LLC", "301234567"),
        ["KZ"] = ("Steppe Cotton LLP", "210440012348"),
        ["KG"] = ("Bishkek Trade LLC", "01234567891011"),
        ["TJ"] = ("Dushanbe Import LLC", "020025789"),
    };

    public static object Next(int i)
    {
        var goods = Goods[i % Goods.Length];
        var route = Routes[i % Routes.Length];
        var destination = route.Countries[^1];
        var importer = Importers[destination];
        return new
        {
            declarant = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
            exporter = new { name = "Tianshan Textiles Co., Ltd.", country = "CN", nationalIdentifier = "91650100123456788W" },
            importer = new { name = importer.Name, country = destination, nationalIdentifier = importer.Id },
            goodsItems = new[] { new { hsCode = goods.Hs, description = goods.Description, quantity = goods.Kg, unit = "KGM", grossMassKg = goods.Kg * 1.03m, netMassKg = goods.Kg, value = goods.Usd, currency = "USD", countryOfOrigin = "CN", packages = 20, packageType = "PK" } },
            transportMode = route.Mode,
            countryOfDispatch = "CN",
            countryOfDestination = destination,
            route = new { countries = route.Countries, crossings = route.Crossings },
        };
    }
}
