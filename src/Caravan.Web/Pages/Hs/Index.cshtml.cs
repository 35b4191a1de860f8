using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Caravan.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Pages.Hs;

public sealed class IndexModel(IHsNomenclature hs, IStringLocalizer<UiStrings> t) : PageModel
{
    public IReadOnlyList<HsSectionInfo> Sections { get; private set; } = [];

    public string? Query { get; private set; }

    public HsSearchResult? Results { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The language a result's description is shown in: the reader's, where the data have it, else English.</summary>
    public string DisplayLanguage(HsSearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return LocalizationSetup.CurrentLanguage switch
        {
            "zh" when hit.DescriptionZh is not null => "zh",
            "ru" when hit.DescriptionRu is not null => "ru",
            _ => "en",
        };
    }

    public async Task OnGetAsync(string? q, int? page, CancellationToken cancellationToken)
    {
        Query = q?.Trim();
        if (string.IsNullOrEmpty(Query))
        {
            Sections = await hs.ListSectionsAsync(cancellationToken);
            return;
        }

        if (Query.Length > RequestLimits.MaxQueryLength)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = t["error.query.toolong", Query.Length, RequestLimits.MaxQueryLength];
            Query = ReferenceCodes.Truncate(Query);
            return;
        }

        // An exact code goes straight to its page.
        var code = ReferenceCodes.ParseHsCode(Query);
        if (code.IsValid && await hs.FindAsync(code.Value!, cancellationToken) is not null)
        {
            Response.Redirect($"/hs/{code.Value}");
            return;
        }

        // Pages search every language the data have; the API can narrow it with lang=.
        Results = await hs.SearchAsync(Query, null, Math.Max(1, page ?? 1), 50, cancellationToken);
    }
}
