using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.MeasureReleaseTimes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Trade.Pages.ReleaseTimes;

/// <summary>
/// An administration's own release times, control by control (issue 9): each stage's duration, the arrival-to-release
/// time against the country's target for the channel, and a link to the control. For the country's customs officers
/// and risk analysts (the same rule and query as <c>GET /api/v1/analytics/release-times/controls</c>); the aggregates
/// stay public on the dashboard.
/// </summary>
[Authorize]
internal sealed class ControlsModel(ReleaseTimeAnalytics analytics, IBorderCrossingDirectory crossings, ICountryDirectory countries, TimeProvider clock, Caller caller) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Crossing { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<ControlReleaseTimeView> Rows { get; private set; } = [];

    public ReleaseTimeFilter? Filter { get; private set; }

    public ReleaseTimeGroup? Summary { get; private set; }

    public IReadOnlyDictionary<(string Country, string Channel), int> Targets { get; private set; } = new Dictionary<(string, string), int>();

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public TradeDisplay Display { get; } = new(countries, crossings);

    /// <summary>The countries whose detail the caller may see, to choose from.</summary>
    public IReadOnlyList<string> MyCountries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        MyCountries = Display.MemberStates.Select(c => c.Code).Where(c => ReleaseTimeAnalytics.MaySeeControls(caller, c)).ToList();
        Country = Country?.Trim().ToUpperInvariant() is { Length: > 0 } chosen ? chosen : MyCountries.FirstOrDefault();
        if (Country is null || !ReleaseTimeAnalytics.MaySeeControls(caller, Country))
        {
            return Forbid();
        }

        var (filter, errors) = await ReleaseTimesApi.ParseAsync(Crossing, Country, null, null, Channel, null, From, To, null, crossings, countries, clock, ct);
        if (filter is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filter = filter;
        From = filter.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To = filter.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Targets = await analytics.TargetsAsync(ct);
        Rows = await analytics.ControlsAsync(filter, Shown, ct);
        Summary = ReleaseTimeAnalytics.Groups(await analytics.ReadAsync(filter with { GroupBy = "country" }, ct), "country", Targets).SingleOrDefault();
        return Page();
    }

    /// <summary>The country's target for the control's channel, in seconds; null without one.</summary>
    public long? TargetSeconds(ControlReleaseTimeView row) =>
        row.Channel is not null && Targets.TryGetValue((row.Country, row.Channel), out var minutes) ? minutes * 60L : null;
}
