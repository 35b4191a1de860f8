using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Trade.Pages.Consignments;

/// <summary>
/// The consignments the caller may see, newest first: a trader its organisation's, an officer those passing through
/// its country (the same rule as the API).
/// </summary>
[Authorize(Policy = "permission:trade.consignment.view")]
internal sealed class IndexModel(ConsignmentQueries queries, ICountryDirectory countries, IBorderCrossingDirectory crossings, Caller caller) : PageModel
{
    public const int Limit = 100;

    public IReadOnlyList<ConsignmentView> Consignments { get; private set; } = [];

    public TradeDisplay Display { get; } = new(countries, crossings);

    public bool CanLodge => caller.Has(TradePermissions.Lodge);

    /// <summary>The countries whose traffic an officer sees, for the heading; empty for a trader.</summary>
    public IReadOnlyList<string> Countries => caller.CountriesFor(TradePermissions.View);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        Consignments = await queries.ListVisibleAsync(caller, Limit, ct);
    }
}
