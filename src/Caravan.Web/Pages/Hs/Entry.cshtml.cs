using Caravan.Reference.Contracts;
using Caravan.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Pages.Hs;

public sealed class EntryModel(IHsNomenclature hs, IStringLocalizer<UiStrings> t) : PageModel
{
    public HsEntryDetail? Detail { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var parsed = ReferenceCodes.ParseHsCode(code);
        if (!parsed.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = $"{t["error.invalid"]} {parsed.Error}";
            return;
        }

        Detail = await hs.FindAsync(parsed.Value!, cancellationToken);
        if (Detail is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = t["error.hs.notfound", parsed.Value!];
        }
    }
}
