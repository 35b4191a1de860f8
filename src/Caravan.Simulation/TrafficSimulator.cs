using System.Globalization;
using System.Text.Json;

namespace Caravan.Simulation;

/// <param name="Days">How many days of history, ending now.</param>
/// <param name="Scale">Multiplies every lane's daily volume.</param>
internal sealed record SimulationOptions(int Days, double Scale, int Seed);

/// <summary>What a run did, for the summary and the tests.</summary>
internal sealed record SimulationSummary(
    DateTimeOffset Start,
    DateTimeOffset End,
    int Lodged,
    int Released,
    int Refused,
    int Decisions,
    int Events,
    int Calls,
    int FailedCalls,
    IReadOnlyDictionary<string, int> Channels);

/// <summary>
/// A discrete-event simulation of cross-border freight: each consignment is lodged by its trader's system, then
/// every step of its journey (each administration's decisions, each border event) is a call to the API at the
/// moment it happens. Steps run one at a time in the order of their simulated moments, and the pace reaches each
/// before its call: <c>caravan simulate</c> moves a simulated clock there, so the platform records the history as if
/// it had lived it; the demo host's live traffic waits for it in real time.
/// </summary>
internal sealed class TrafficSimulator(PlatformApi api, TrafficPace pace, TrafficModel model, SimulationOptions options, TextWriter output)
{
    private readonly PriorityQueue<Func<CancellationToken, Task>, (DateTimeOffset At, long Sequence)> _steps = new();
    private readonly Draws _draws = new(options.Seed);
    private readonly Dictionary<string, int> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeZoneInfo> _zones = model.TimeZones.ToDictionary(z => z.Key, z => TimeZoneInfo.FindSystemTimeZoneById(z.Value), StringComparer.Ordinal);
    private long _sequence;
    private int _lodged;
    private int _released;
    private int _refused;
    private int _decisions;
    private int _events;
    private int[] _lodgedOn = [];
    private int[] _releasedOn = [];
    private int[] _refusedOn = [];

    public DateTimeOffset Start { get; } = TruncateToMinute(pace.Now);

    public DateTimeOffset End => Start.AddDays(options.Days);

    public async Task<SimulationSummary> RunAsync(CancellationToken cancellationToken)
    {
        _lodgedOn = new int[options.Days];
        _releasedOn = new int[options.Days];
        _refusedOn = new int[options.Days];
        ScheduleLodgings();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var day = 0;
        while (_steps.TryPeek(out _, out var next) && next.At < End)
        {
            while (next.At >= Start.AddDays(day + 1))
            {
                await ReportDayAsync(day++, watch.Elapsed);
            }

            var step = _steps.Dequeue();
            await pace.ReachAsync(next.At, cancellationToken);
            await step(cancellationToken);
        }

        while (day < options.Days)
        {
            await ReportDayAsync(day++, watch.Elapsed);
        }

        return new SimulationSummary(Start, End, _lodged, _released, _refused, _decisions, _events, api.Calls, api.Failed, _channels);
    }

    private Task ReportDayAsync(int day, TimeSpan elapsed) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"day {day + 1,3}  {Start.AddDays(day):yyyy-MM-dd}  lodged {_lodgedOn[day],5}  released {_releasedOn[day],5}  refused {_refusedOn[day],3}  ({elapsed.TotalSeconds:0.0} s)"));

    private void At(DateTimeOffset at, Func<CancellationToken, Task> step) => _steps.Enqueue(step, (at, _sequence++));

    private int DayOf(DateTimeOffset at) => Math.Clamp((int)((at - Start).TotalDays), 0, options.Days - 1);

    /// <summary>Each lane's consignments of each day, mostly in the dispatch country's working day.</summary>
    private void ScheduleLodgings()
    {
        for (var day = 0; day < options.Days; day++)
        {
            foreach (var lane in model.Lanes)
            {
                var count = _draws.Poisson(lane.PerDay * options.Scale);
                for (var i = 0; i < count; i++)
                {
                    // Each local clock time occurs once in the day's 24 hours: find it after the day's start.
                    var zone = _zones[lane.Countries[0]];
                    var dayStart = Start.AddDays(day);
                    var at = _draws.Chance(model.DaytimeLodgingShare)
                        ? WorkingHours.ToInstant(TimeZoneInfo.ConvertTime(dayStart, zone).Date.AddHours(_draws.Uniform(8, 20)), zone)
                        : dayStart.AddHours(_draws.Uniform(0, 24));
                    if (at < dayStart)
                    {
                        at = at.AddDays(1);
                    }

                    if (at > Start && at < End)
                    {
                        var hs = _draws.Pick(lane.Goods);
                        var goods = model.Goods.FirstOrDefault(g => g.Hs == hs) ?? throw new FormatException($"The lane {lane.Name} carries {hs}, which is not among the model's goods.");
                        var mass = Math.Round(goods.KgPerLoad * (lane.Mode == "2" ? 3 : 1) * (decimal)_draws.Uniform(0.7, 1.1));
                        var value = Math.Round(mass * goods.UsdPerKg * (decimal)_draws.Uniform(0.85, 1.15), 2);
                        At(at, ct => LodgeAsync(lane, goods, mass, value, ct));
                    }
                }
            }
        }
    }

    private async Task LodgeAsync(Lane lane, Goods goods, decimal mass, decimal value, CancellationToken cancellationToken)
    {
        var dispatch = lane.Countries[0];
        var destination = lane.Countries[^1];
        var declaration = new
        {
            declarant = Party("KZ"),
            exporter = Party(dispatch),
            importer = Party(destination),
            goodsItems = new[]
            {
                new
                {
                    hsCode = goods.Hs, description = goods.Description, quantity = mass, unit = "KGM", grossMassKg = Math.Round(mass * 1.03m), netMassKg = mass,
                    value, currency = "USD", countryOfOrigin = dispatch, packages = goods.Packages, packageType = goods.PackageType,
                },
            },
            transportMode = lane.Mode,
            transportMeans = lane.Mode == "2" ? "Freight wagons" : "Truck with trailer",
            countryOfDispatch = dispatch,
            countryOfDestination = destination,
            route = new { countries = lane.Countries, crossings = lane.Crossings },
        };
        if (await api.PostAsync(PlatformApi.Trader, "/api/v1/consignments", declaration, cancellationToken) is not { } lodged)
        {
            return;
        }

        _lodged++;
        _lodgedOn[DayOf(pace.Now)]++;
        var controls = lodged.GetProperty("controls").EnumerateArray()
            .Select(c => new Control(
                c.GetProperty("id").GetString()!,
                c.GetProperty("country").GetString()!,
                c.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.String ? channel.GetString()! : "green",
                c.GetProperty("country").GetString() == destination))
            .ToList();
        foreach (var control in controls)
        {
            _channels[control.Channel] = _channels.GetValueOrDefault(control.Channel) + 1;
        }

        PlanJourney(lodged.GetProperty("id").GetString()!, lane, controls);
    }

    private object Party(string country) => new { name = model.Parties[country].Name, country, nationalIdentifier = model.Parties[country].NationalIdentifier };

    /// <param name="IsImport">The destination's control: its release completes the consignment's clearance.</param>
    private sealed record Control(string Id, string Country, string Channel, bool IsImport);

    /// <summary>
    /// The journey's steps, drawn now: pre-arrival acceptance by every administration; at each crossing the exit
    /// side's post (arrived, queue, check, released, exited) then the entry side's (the same, then entered-next-country),
    /// the export control decided at the first exit, transit and import controls at their entry; then arrival.
    /// </summary>
    private void PlanJourney(string consignment, Lane lane, IReadOnlyList<Control> controls)
    {
        var d = model.Durations;
        var lodgedAt = pace.Now;
        var t = lodgedAt + Minutes(d.LodgingLeadMinutes);
        foreach (var control in controls)
        {
            var accept = lodgedAt + Minutes(d.AcceptMinutes);
            At(accept < t ? accept : lodgedAt.AddSeconds(30), ct => DecideAsync(control, "accept", null, ct));
        }

        var byCountry = controls.ToDictionary(c => c.Country, StringComparer.Ordinal);
        for (var i = 0; i < lane.Crossings.Count; i++)
        {
            var crossing = lane.Crossings[i];
            var exit = lane.Countries[i];
            var entry = lane.Countries[i + 1];
            // The exporting administration decides at the first exit; a transit administration only watches its exit.
            t = Post(consignment, crossing, exit, t, i == 0 ? byCountry[exit] : null, last: "exited");
            if (t == DateTimeOffset.MaxValue)
            {
                return;
            }

            t = Post(consignment, crossing, entry, t + Minutes(d.NeutralZoneMinutes), byCountry[entry], last: "entered-next-country");
            if (t == DateTimeOffset.MaxValue)
            {
                return;
            }

            t += Minutes(lane.Mode == "2" ? d.RailLegMinutes : d.RoadLegMinutes);
        }

        var destination = lane.Countries[^1];
        At(t, ct => EventAsync(PlatformApi.Trader, consignment, "arrived-at-destination", destination, null, t, ct));
    }

    /// <summary>One side of a crossing; returns when the consignment leaves it, or MaxValue when it is refused there.</summary>
    private DateTimeOffset Post(string consignment, string crossing, string country, DateTimeOffset arrival, Control? deciding, string last)
    {
        var d = model.Durations;
        var profile = model.Crossings.GetValueOrDefault(crossing) ?? new CrossingProfile();
        var reporter = PlatformApi.Customs(country);
        var queued = arrival.AddMinutes(1);
        var checkStarted = WorkingHours.NextOpening(profile, _zones[country], queued + Minutes(profile.QueueMinutes));
        var checkFinished = checkStarted + Minutes(profile.CheckMinutes);
        if (deciding is { Channel: "yellow" })
        {
            At(checkStarted, ct => DecideAsync(deciding, "order-documentary-inspection", "DOC-RISK", ct));
            checkFinished += Minutes(d.DocumentaryInspectionMinutes);
        }
        else if (deciding is { Channel: "red" })
        {
            At(checkStarted, ct => DecideAsync(deciding, "order-physical-inspection", "PHY-RISK", ct));
            checkFinished += Minutes(d.PhysicalInspectionMinutes);
        }

        var released = checkFinished + Minutes(d.ReleaseMinutes);
        At(arrival, ct => EventAsync(reporter, consignment, "arrived-at-crossing", country, crossing, arrival, ct));
        At(queued, ct => EventAsync(reporter, consignment, "entered-queue", country, crossing, queued, ct));
        At(checkStarted, ct => EventAsync(reporter, consignment, "check-started", country, crossing, checkStarted, ct));
        At(checkFinished, ct => EventAsync(reporter, consignment, "check-finished", country, crossing, checkFinished, ct));
        if (deciding is not null && _draws.Chance(model.RefusalShare.GetValueOrDefault(deciding.Channel)))
        {
            At(released, ct => DecideAsync(deciding, "refuse", "REF-NONCOMPLIANT", ct));
            return DateTimeOffset.MaxValue;
        }

        if (deciding is not null)
        {
            At(released, ct => DecideAsync(deciding, "release", null, ct));
        }

        At(released, ct => EventAsync(reporter, consignment, "released", country, crossing, released, ct));
        var left = released + Minutes(d.ExitMinutes);
        At(left, ct => EventAsync(reporter, consignment, last, country, crossing, left, ct));
        return left;
    }

    private async Task DecideAsync(Control control, string decision, string? reasonCode, CancellationToken cancellationToken)
    {
        var body = new { decision, reasonCode, note = reasonCode is null ? null : "Simulated traffic" };
        if (await api.PostAsync(PlatformApi.Customs(control.Country), $"/api/v1/controls/{control.Id}/decisions", body, cancellationToken) is null)
        {
            return;
        }

        _decisions++;
        var today = DayOf(pace.Now);
        if (decision == "refuse")
        {
            _refused++;
            _refusedOn[today]++;
        }
        else if (decision == "release" && control.IsImport)
        {
            _released++;
            _releasedOn[today]++;
        }
    }

    private async Task EventAsync(string reporter, string consignment, string type, string country, string? crossing, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(pace.Reported(at), _zones[country]);
        if (await api.PostAsync(reporter, $"/api/v1/consignments/{consignment}/events", new { type, country, crossingId = crossing, occurredAt = local }, cancellationToken) is not null)
        {
            _events++;
        }
    }

    private TimeSpan Minutes(double median) => _draws.LogNormalMinutes(median, model.Durations.Sigma);

    private static DateTimeOffset TruncateToMinute(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
