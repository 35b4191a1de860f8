using Caravan.Reference.Contracts;
using Caravan.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Pages.Hs;

public sealed class SectionModel(IHsNomenclature hs, IStringLocalizer<UiStrings> t) : PageModel
{
    private static readonly string[] Romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"];

    public HsSectionDetail? Detail { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var value = int.TryParse(number, out var n) ? n : Array.IndexOf(Romans, number.ToUpperInvariant()) + 1;
        Detail = value > 0 ? await hs.FindSectionAsync(value, cancellationToken) : null;
        if (Detail is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = t["error.hs.section.notfound", ReferenceCodes.Truncate(number)];
        }
    }
}
