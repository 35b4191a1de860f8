using Caravan.Access.Contracts;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Access.Pages.Admin;

/// <summary>Organisations as the caller may see them; administrators also register new ones.</summary>
[Authorize(Policy = "permission:access.organisations.view")]
internal sealed class OrganisationsModel(IOrganisationDirectory organisations, Caller caller) : PageModel
{
    public IReadOnlyList<OrganisationInfo> Organisations { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool CanManage => caller.Has(AccessPermissions.ManageOrganisations);

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await organisations.ListVisibleAsync(caller, ct);

    public async Task<IActionResult> OnPostAsync(OrganisationKind? kind, string? name, string? country, string? nationalIdentifier, TraderFunctions[]? functions, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var request = new NewOrganisation(kind, name, country, nationalIdentifier, (functions ?? []).Aggregate(TraderFunctions.None, (a, f) => a | f));
        var (created, errors) = await organisations.CreateAsync(request, caller, ct);
        if (created is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Organisations = await organisations.ListVisibleAsync(caller, ct);
            return Page();
        }

        return RedirectToPage();
    }
}
