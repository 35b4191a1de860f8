using System.Text.Json;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.MeasureReleaseTimes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Trade.Pages.ReleaseTimes;

/// <summary>
/// The public release-time dashboard (issue 9): per crossing (or another grouping) how long goods wait from arrival to
/// release — median, 90th and 95th percentile — where the time goes by stage, and the bottleneck of each crossing.
/// The same report as <c>GET /api/v1/analytics/release-times</c> with the same filters; every chart's numbers are in a
/// table beside it.
/// </summary>
internal sealed class DashboardModel(ReleaseTimeAnalytics analytics, IBorderCrossingDirectory crossings, ICountryDirectory countries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Crossing { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? GroupBy { get; set; }

    public ReleaseTimeDashboard? Dashboard { get; private set; }

    public CrossingMap? Map { get; private set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public TradeDisplay Display { get; } = new(countries, crossings);

    /// <summary>
    /// What the charts draw, in seconds, as JSON (read by wwwroot/js/release-times.js, never executed); the full
    /// figures are in the tables and the API.
    /// </summary>
    public string ChartData => Dashboard is not { } d ? "null" : JsonSerializer.Serialize(
        new
        {
            groups = d.Report.Groups.Select(g => new { g.Key, Median = g.Total.MedianSeconds, P90 = g.Total.P90Seconds, Stages = g.Stages.Select(s => s.MedianSeconds) }),
            stages = ReleaseTimeAnalytics.Stages,
            series = d.Series.Select(s => new { s.Crossing, Points = s.Points.Select(p => new { p.Key, Median = p.Total.MedianSeconds }) }),
            sides = d.Sides.Select(g => new { g.Key, Median = g.Total.MedianSeconds, P90 = g.Total.P90Seconds }),
            channels = d.Distribution.Channels.Select(c => c.Channel),
            bins = d.Distribution.Bins.Select(b => d.Distribution.Channels.Select(c => b.Counts[c.Channel])),
        },
        JsonSerializerOptions.Web);

    /// <summary>The query string of this view with one filter changed (for the links of the map and the tables).</summary>
    public string With(string name, string? value)
    {
        var query = Request.Query.Where(q => !string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}")).ToList();
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        }

        return "/release-times" + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
    }

    /// <summary>A side's display name: the crossing and the country whose post it is.</summary>
    public string Side(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : $"{Display.Crossing(key[..slash])} · {Display.Country(key[(slash + 1)..])}";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        var (filter, errors) = await ReleaseTimesApi.ParseAsync(Crossing, Country, null, null, null, null, From, To, GroupBy ?? "crossing", crossings, countries, clock, ct);
        if (filter is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The form shows the period in force, the default (the last 30 days) included.
        From = filter.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To = filter.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Dashboard = await analytics.DashboardAsync(filter, ct);
        Map = CrossingMap.Build(Display.Crossings, Dashboard.Crossings, filter.Country, filter.Crossing);
    }

    /// <summary>A bin of the distribution: "1 h 30 min – 2 h 00 min", the last "≥ 6 h 00 min".</summary>
    public static string Bin(DistributionBin bin, DurationUnits units) =>
        bin.ToSeconds is { } to ? $"{units.Format(bin.FromSeconds)} – {units.Format(to)}" : $"≥ {units.Format(bin.FromSeconds)}";
}
