using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Web.Pages.Countries;

public sealed class IndexModel(ICountryDirectory countries, IBorderCrossingDirectory crossings) : PageModel
{
    public IReadOnlyList<CountryInfo> Countries { get; private set; } = [];

    public IReadOnlyDictionary<string, int> CrossingCounts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Countries = await countries.ListAsync(cancellationToken);
        var all = await crossings.ListAsync(new BorderCrossingFilter(), cancellationToken);
        CrossingCounts = Countries.ToDictionary(c => c.Code, c => all.Count(x => x.Involves(c.Code)));
    }
}
