using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Web.Pages.Hs;

public sealed class EntryModel(IHsNomenclature hs) : PageModel
{
    public HsEntryDetail? Detail { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var parsed = ReferenceCodes.ParseHsCode(code);
        if (!parsed.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = parsed.Error;
            return;
        }

        Detail = await hs.FindAsync(parsed.Value!, cancellationToken);
        if (Detail is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = $"HS 2022 has no code {parsed.Value}.";
        }
    }
}
