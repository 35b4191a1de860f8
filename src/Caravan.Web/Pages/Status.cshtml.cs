using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Web.Pages;

/// <summary>The page shown for an error status on a non-API path (404, 500, …).</summary>
/// <remarks>A failed POST is re-executed here as a POST: it must render without an anti-forgery check of its own.</remarks>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
