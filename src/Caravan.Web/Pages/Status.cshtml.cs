using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Web.Pages;

/// <summary>The page shown for an error status on a non-API path (404, 500, …).</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
