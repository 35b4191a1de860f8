using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.LodgeConsignment;
using Caravan.Trade.Features.RecordBorderEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Trade.Pages.Consignments;

/// <summary>
/// One consignment as its trader and the administrations on its route see it: the route with each control's state,
/// the goods, and the cross-border timeline in local times. A script keeps status, controls and timeline current.
/// </summary>
[Authorize(Policy = "permission:trade.consignment.view")]
internal sealed class DetailModel(ConsignmentQueries queries, BorderEventRecorder events, ICountryDirectory countries, IBorderCrossingDirectory crossings, Caller caller) : PageModel
{
    public ConsignmentView Consignment { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public TradeDisplay Display { get; } = new(countries, crossings);

    /// <summary>Whether the caller decides on controls (officers get a link to each control of their country).</summary>
    public bool Decides(string country) => caller.Has(TradePermissions.Decide, Scope.Country(country));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (visibility, consignment) = await queries.FindAsync(caller, id, ct);
        switch (visibility)
        {
            case Visibility.NotFound: return NotFound();
            case Visibility.OutOfScope: return Forbid();
        }

        Consignment = consignment!;
        await Display.LoadAsync(ct);
        Timeline = await events.TimelineAsync(id, ct);
        return Page();
    }
}
