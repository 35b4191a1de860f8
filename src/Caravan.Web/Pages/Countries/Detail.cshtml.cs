using Caravan.Reference.Contracts;
using Caravan.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Pages.Countries;

public sealed class DetailModel(ICountryDirectory countries, IBorderCrossingDirectory crossings, IStringLocalizer<UiStrings> t) : PageModel
{
    public CountryInfo? Country { get; private set; }

    public IReadOnlyList<BorderCrossingInfo> Crossings { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var parsed = ReferenceCodes.ParseCountryCode(code);
        if (!parsed.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = $"{t["error.invalid"]} {parsed.Error}";
            return;
        }

        Country = await countries.FindAsync(parsed.Value!, cancellationToken);
        if (Country is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = t["error.country.notfound", parsed.Value!, string.Join(", ", ReferenceCodes.MemberStates)];
            return;
        }

        Crossings = await crossings.ListAsync(new BorderCrossingFilter(Country.Code), cancellationToken);
    }
}
