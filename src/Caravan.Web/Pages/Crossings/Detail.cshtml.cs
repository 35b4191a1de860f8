using Caravan.Reference.Contracts;
using Caravan.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Pages.Crossings;

public sealed class DetailModel(ICountryDirectory countries, IBorderCrossingDirectory crossings, IStringLocalizer<UiStrings> t) : PageModel
{
    public BorderCrossingInfo? Crossing { get; private set; }

    public IReadOnlyList<BorderCrossingInfo> All { get; private set; } = [];

    public IReadOnlyList<CountryInfo> Countries { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Crossing = await crossings.FindAsync(id.Trim().ToUpperInvariant(), cancellationToken);
        if (Crossing is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = t["error.crossing.notfound", ReferenceCodes.Truncate(id)];
            return;
        }

        Countries = await countries.ListAsync(cancellationToken);
        All = await crossings.ListAsync(new BorderCrossingFilter(), cancellationToken);
    }
}
