using Caravan.Reference.Contracts;
using Caravan.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Pages.Hs;

public sealed class SectionModel(IHsNomenclature hs, IStringLocalizer<UiStrings> t) : PageModel
{
    public HsSectionDetail? Detail { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string number, CancellationToken cancellationToken)
    {
        Detail = ReferenceCodes.ParseHsSection(number) is { } value ? await hs.FindSectionAsync(value, cancellationToken) : null;
        if (Detail is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = t["error.hs.section.notfound", ReferenceCodes.Truncate(number)];
        }
    }
}
