using Caravan.Reference.Contracts;
using Caravan.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Pages.Crossings;

public sealed class IndexModel(ICountryDirectory countries, IBorderCrossingDirectory crossings, IStringLocalizer<UiStrings> t) : PageModel
{
    public IReadOnlyList<CountryInfo> Countries { get; private set; } = [];

    public IReadOnlyList<BorderCrossingInfo> Crossings { get; private set; } = [];

    public BorderCrossingFilter? Filter { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? country, string? mode, CancellationToken cancellationToken)
    {
        Countries = await countries.ListAsync(cancellationToken);
        var filter = BorderCrossingFilter.Parse(country, mode);
        if (!filter.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = $"{t["error.invalid"]} {filter.Error}";
            return;
        }

        Filter = filter.Value;
        Crossings = await crossings.ListAsync(Filter!, cancellationToken);
    }
}
