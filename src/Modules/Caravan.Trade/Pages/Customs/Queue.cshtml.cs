using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.DecideOnControl;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Trade.Pages.Customs;

/// <summary>
/// An officer's work queue: the controls of the officer's country, oldest lodgement first, by state and crossing,
/// a page at a time (the same query as the API's queue).
/// </summary>
[Authorize(Policy = "permission:trade.control.decide")]
internal sealed class QueueModel(CustomsWork work, ICountryDirectory countries, IBorderCrossingDirectory crossings, Caller caller) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> States =
        [ControlStateMachine.PreArrival, ControlStateMachine.UnderAssessment, ControlStateMachine.DocumentsRequested, ControlStateMachine.Inspection, ControlStateMachine.Released, ControlStateMachine.Refused];

    public IReadOnlyList<QueuedControl> Controls { get; private set; } = [];

    public TradeDisplay Display { get; } = new(countries, crossings);

    public IReadOnlyList<string> MyCountries => caller.CountriesFor(TradePermissions.Decide);

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Crossing { get; set; }

    // "p", not "page": Razor Pages keeps the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The crossings of the chosen country, to filter by.</summary>
    public IReadOnlyList<BorderCrossingInfo> CountryCrossings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Country = Country?.Trim().ToUpperInvariant() is { Length: > 0 } chosen && MyCountries.Contains(chosen) ? chosen : MyCountries.FirstOrDefault();
        if (Country is null)
        {
            // Platform-wide deciders have no country of their own: they use the API per country.
            return Forbid();
        }

        await Display.LoadAsync(ct);
        CountryCrossings = Display.Crossings.Where(c => c.Involves(Country)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        State = States.Contains(State) ? State : null;
        Crossing = CountryCrossings.Any(c => c.Id == Crossing) ? Crossing : null;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Controls = await work.QueueAsync(Country, State, Crossing, PageNumber, PageSize, ct);
        return Page();
    }

    /// <summary>The address of another page of the same filtered queue.</summary>
    public string PageLink(int page) =>
        "/customs/queue" + QueryString.Create(new Dictionary<string, string?> { ["country"] = Country, ["state"] = State, ["crossing"] = Crossing, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(kv => kv.Value is not null)).ToUriComponent();
}
