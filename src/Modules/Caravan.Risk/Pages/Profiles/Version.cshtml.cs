using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Caravan.Risk.Features.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Risk.Pages.Profiles;

/// <summary>
/// One profile version as a reader needs it: rules as a table, bands, random rates and the AEO reduction; a draft
/// can be published from here by the country's analyst (through the same service as the API).
/// </summary>
[Authorize(Policy = "permission:risk.view")]
internal sealed class VersionModel(ProfileVersions profiles, RiskDisplay display, Caller caller) : PageModel
{
    public RiskDisplay Display => display;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public ProfileVersionView Profile { get; private set; } = null!;

    public bool CanPublish => Profile.State == "draft" && caller.Has(RiskPermissions.Manage, Scope.Country(Profile.Country));

    /// <summary>Why publishing was refused (the version is no longer a draft, or another analyst published meanwhile).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int version, CancellationToken ct) => await LoadAsync(version, ct) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(int version, CancellationToken ct)
    {
        Country = RiskDisplay.Choose(caller, RiskPermissions.Manage, Country);
        if (Country is null)
        {
            return Forbid();
        }

        var outcome = ServiceOutcome<ProfileVersionView>.Of(await profiles.PublishAsync(Country, version, caller, ct));
        if (outcome.Succeeded)
        {
            return Redirect($"/risk/profiles/{version}?country={Country}&published=1");
        }

        if (outcome.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }

        Refusal = outcome.Detail;
        Response.StatusCode = outcome.Status;
        return await LoadAsync(version, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int version, CancellationToken ct)
    {
        Country = RiskDisplay.Choose(caller, RiskPermissions.View, Country);
        if (Country is null)
        {
            return Forbid();
        }

        var found = ServiceOutcome<ProfileVersionView>.Of(await profiles.GetAsync(Country, version, caller, ct));
        if (!found.Succeeded)
        {
            return found.Status == StatusCodes.Status404NotFound ? NotFound() : Forbid();
        }

        await display.LoadAsync(ct);
        Profile = found.Value!;
        return null;
    }
}
