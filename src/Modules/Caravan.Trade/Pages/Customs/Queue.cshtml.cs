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
/// a page at a time (the same query as the API's queue). Without a chosen state it shows the controls still to decide:
/// after a week of traffic most controls are released, and oldest-first would bury the open ones pages deep.
/// </summary>
[Authorize(Policy = "permission:trade.control.decide")]
internal sealed class QueueModel(CustomsWork work, ICountryDirectory countries, IBorderCrossingDirectory crossings, Caller caller) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> States =
        [ControlStateMachine.PreArrival, ControlStateMachine.UnderAssessment, ControlStateMachine.DocumentsRequested, ControlStateMachine.Inspection, ControlStateMachine.Released, ControlStateMachine.Refused, ControlStateMachine.Cancelled];

    /// <summary>The filter value for every state; no value means the states still to decide (<see cref="Open"/>).</summary>
    public const string AllStates = "all";

    /// <summary>The states in which the administration still has a decision to take.</summary>
    public static readonly IReadOnlyList<string> Open =
        [ControlStateMachine.PreArrival, ControlStateMachine.UnderAssessment, ControlStateMachine.DocumentsRequested, ControlStateMachine.Inspection];

    public IReadOnlyList<QueuedControl> Controls { get; private set; } = [];

    /// <summary>How many controls match the filter on all pages.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

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
        State = States.Contains(State) || State == AllStates ? State : null;
        Crossing = CountryCrossings.Any(c => c.Id == Crossing) ? Crossing : null;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        IReadOnlyCollection<string>? states = State switch { null => Open, AllStates => null, _ => [State] };
        (Controls, Total) = await work.QueuePageAsync(Country, states, Crossing, PageNumber, PageSize, ct);
        return Page();
    }

    /// <summary>The address of another page of the same filtered queue.</summary>
    public string PageLink(int page) =>
        "/customs/queue" + QueryString.Create(new Dictionary<string, string?> { ["country"] = Country, ["state"] = State, ["crossing"] = Crossing, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(kv => kv.Value is not null)).ToUriComponent();
}
