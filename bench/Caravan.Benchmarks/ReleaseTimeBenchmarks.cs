using BenchmarkDotNet.Attributes;
using Caravan.Trade.Features.MeasureReleaseTimes;

namespace Caravan.Benchmarks;

/// <summary>
/// The in-memory part of the release-time dashboard (issue 9) over a year of a platform's controls: 51,359 rows (the
/// count of `caravan simulate --days 365 --seed 42`), 17 crossings, log-normal stage durations drawn from a fixed seed.
/// What the HTTP figures of docs/performance.md spend beyond reading the rows. The baseline sorts the release times
/// once, the least any exact percentile needs. Run: <c>dotnet run -c Release -- --filter *ReleaseTimeBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class ReleaseTimeBenchmarks
{
    private const int Rows = 51_359;
    private static readonly string[] Crossings =
        ["CN-KZ-01", "CN-KZ-02", "CN-KZ-03", "CN-KZ-04", "CN-KZ-05", "CN-KG-01", "CN-KG-02", "CN-TJ-01", "KZ-UZ-01", "KG-UZ-01", "TJ-UZ-01", "TM-UZ-01", "KZ-KG-01", "KZ-TM-02", "KZ-KG-02", "KG-TJ-01", "TJ-UZ-02"];

    private static readonly string[] Countries = ["CN", "KZ", "KG", "TJ", "UZ", "TM"];
    private static readonly string[] Channels = ["green", "green", "yellow", "red"];
    private static readonly string[] Roles = ["export", "transit", "import"];

    private List<MeasuredControl> _rows = null!;
    private ReleaseTimeFilter _filter = null!;
    private readonly Dictionary<(string Country, string Channel), int> _targets = new() { [("KZ", "yellow")] = 240 };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        long Minutes(double median) => (long)(median * 60 * Math.Exp(0.8 * Normal(random)));
        _rows = Enumerable.Range(0, Rows).Select(i =>
        {
            var queue = Minutes(1);
            var wait = Minutes(120);
            var check = Minutes(40);
            var release = Minutes(10);
            var measured = random.NextDouble() > 0.05;
            return new MeasuredControl(Guid.NewGuid(), Countries[random.Next(Countries.Length)], Roles[random.Next(Roles.Length)], Crossings[(int)Math.Min(Crossings.Length - 1, Math.Abs(Normal(random)) * 4)],
                random.Next(2) == 0 ? "3" : "2", Channels[random.Next(Channels.Length)], random.Next(5) == 0, measured ? "released" : "open", start.AddMinutes(random.Next(365 * 24 * 60)),
                queue, wait, check, measured ? release : null, measured ? queue + wait + check + release : null);
        }).ToList();
        _filter = new ReleaseTimeFilter(null, null, null, null, null, null, new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30), "crossing");
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Benchmark(Baseline = true, Description = "sort the release times once")]
    public long SortOnce()
    {
        var times = _rows.Where(r => r.ArrivalToRelease is not null).Select(r => r.ArrivalToRelease!.Value).ToArray();
        Array.Sort(times);
        return times[^1];
    }

    [Benchmark(Description = "report by crossing (groups, stages, bottlenecks)")]
    public int ReportByCrossing() => ReleaseTimeAnalytics.Report(_filter, _rows, [], _targets).Groups.Count;

    [Benchmark(Description = "distribution per channel")]
    public int Distribution() => ReleaseTimeAnalytics.Distribution(_filter, _rows).Bins.Count;

    [Benchmark(Description = "the dashboard's in-memory work (report, crossings, sides, 5 weekly series, distribution)")]
    public int Dashboard() => ReleaseTimeAnalytics.Dashboard(_filter, _rows, [], _targets).Series.Count;
}
