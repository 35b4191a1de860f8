using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Trade.Pages.Consignments;

/// <summary>
/// The consignments the caller may see, newest first: a trader its organisation's, an officer those passing through
/// its country (the same rule as the API). A page at a time with the number in all and a filter by status: a week of
/// traffic is hundreds of consignments, and only the newest would otherwise be reachable from here.
/// </summary>
[Authorize(Policy = "permission:trade.consignment.view")]
internal sealed class IndexModel(ConsignmentQueries queries, ICountryDirectory countries, IBorderCrossingDirectory crossings, Caller caller) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<ConsignmentView> Consignments { get; private set; } = [];

    /// <summary>How many consignments match the filter on all pages.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    // "p", not "page": Razor Pages keeps the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public TradeDisplay Display { get; } = new(countries, crossings);

    public bool CanLodge => caller.Has(TradePermissions.Lodge);

    /// <summary>The countries whose traffic an officer sees, for the heading; empty for a trader.</summary>
    public IReadOnlyList<string> Countries => caller.CountriesFor(TradePermissions.View);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        Status = ConsignmentQueries.Statuses.Contains(Status) ? Status : null;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        (Consignments, Total) = await queries.ListPageAsync(caller, Status, PageNumber, PageSize, ct);
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageLink(int page) =>
        "/consignments" + QueryString.Create(new Dictionary<string, string?> { ["status"] = Status, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(kv => kv.Value is not null)).ToUriComponent();
}
