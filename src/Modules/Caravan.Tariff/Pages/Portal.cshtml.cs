using Caravan.Reference.Contracts;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Features.Schedules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Tariff.Pages;

/// <summary>
/// The trade information portal (WTO TFA Art. 1): find the HS code from the words a trader uses, then its duties and
/// required documents in each of the six countries; the calculator; exchange rates; border crossings. Public.
/// </summary>
internal sealed class PortalModel(IHsNomenclature hs, TariffQueries queries, TariffDisplay display) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public HsSearchResult? Results { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<ExchangeRateView> Rates { get; private set; } = [];

    public TariffDisplay Display => display;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await display.LoadAsync(ct);
        Rates = await queries.LatestRatesAsync(ct);
        var query = Q?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            return;
        }

        if (query.Length > Caravan.Platform.Http.RequestLimits.MaxQueryLength)
        {
            Error = $"A search has at most {Caravan.Platform.Http.RequestLimits.MaxQueryLength} characters.";
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return;
        }

        Results = await hs.SearchAsync(query, null, 1, 20, ct);
    }
}
