using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Web.Pages;

public sealed class IndexModel(ICountryDirectory countries, IBorderCrossingDirectory crossings, IHsNomenclature hs) : PageModel
{
    public IReadOnlyList<CountryInfo> Countries { get; private set; } = [];

    public int CrossingCount { get; private set; }

    public int SectionCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Countries = await countries.ListAsync(cancellationToken);
        CrossingCount = (await crossings.ListAsync(new BorderCrossingFilter(), cancellationToken)).Count;
        SectionCount = (await hs.ListSectionsAsync(cancellationToken)).Count;
    }
}
