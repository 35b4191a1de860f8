using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Caravan.Risk.Features.Alerts;
using Caravan.Risk.Features.Operators;
using Caravan.Risk.Features.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Risk.Pages;

/// <summary>
/// A country's risk management at a glance: the active profile version, drafts waiting to be published, the history,
/// the AEO register's size and the alerts received and sent. Officers read it; analysts also act from it.
/// </summary>
[Authorize(Policy = "permission:risk.view")]
internal sealed class OverviewModel(ProfileVersions profiles, OperatorRegister operators, SharedAlerts alerts, RiskDisplay display, Caller caller) : PageModel
{
    public RiskDisplay Display => display;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public IReadOnlyList<string> MyCountries => RiskDisplay.CountriesOf(caller, RiskPermissions.View);

    public bool CanManage => Country is not null && caller.Has(RiskPermissions.Manage, Scope.Country(Country));

    public IReadOnlyList<ProfileVersionSummary> Versions { get; private set; } = [];

    public ProfileVersionSummary? Active => Versions.FirstOrDefault(v => v.State == "active");

    public IReadOnlyList<ProfileVersionSummary> Drafts => Versions.Where(v => v.State == "draft").ToList();

    public int ActiveOperators { get; private set; }

    public int Operators { get; private set; }

    public int Received { get; private set; }

    public int ReceivedUnacknowledged { get; private set; }

    public int Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Country = RiskDisplay.Choose(caller, RiskPermissions.View, Country);
        if (Country is null)
        {
            return Forbid();
        }

        await display.LoadAsync(ct);
        if ((await profiles.ListAsync(Country, caller, ct)).Result is Ok<List<ProfileVersionSummary>> versions)
        {
            Versions = versions.Value!;
        }

        if ((await operators.ListAsync(Country, caller, ct)).Result is Ok<List<OperatorView>> register)
        {
            Operators = register.Value!.Count;
            ActiveOperators = register.Value!.Count(o => o.Status == "active");
        }

        if ((await alerts.ListAsync(Country, caller, ct)).Result is Ok<List<AlertView>> shared)
        {
            Sent = shared.Value!.Count(a => a.FromCountry == Country);
            Received = shared.Value!.Count(a => a.FromCountry != Country);
            ReceivedUnacknowledged = shared.Value!.Count(a => a.FromCountry != Country && a.Acknowledgements.Count == 0);
        }

        return Page();
    }
}
